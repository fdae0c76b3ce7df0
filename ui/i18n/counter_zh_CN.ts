<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../dialogs.py" line="321"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="328"/>
        <source>Yes (Enter)</source>
        <translation>是 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="330"/>
        <source>No (Esc)</source>
        <translation>否 (Esc)</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../customer.py" line="23"/>
        <source>Customer</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../customer.py" line="27"/>
        <source>Phone, name, or scan the member card</source>
        <translation>手机号、姓名，或扫会员卡</translation>
    </message>
    <message>
        <location filename="../customer.py" line="42"/>
        <source>Put on ticket  [Enter]</source>
        <translation>加入本单  [Enter]</translation>
    </message>
    <message>
        <location filename="../customer.py" line="44"/>
        <source>Repeat selected order  [F4]</source>
        <translation>再来一单  [F4]</translation>
    </message>
    <message>
        <location filename="../customer.py" line="46"/>
        <source>No customer  [F9]</source>
        <translation>不关联会员  [F9]</translation>
    </message>
    <message>
        <location filename="../customer.py" line="95"/>
        <source>return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../customer.py" line="105"/>
        <source>No orders yet</source>
        <translation>还没有订单</translation>
    </message>
    <message>
        <location filename="../customer.py" line="151"/>
        <source>Choose a customer and one of their orders</source>
        <translation>请先选择会员和一张订单</translation>
    </message>
</context>
<context>
    <name>DayEndDialog</name>
    <message>
        <location filename="../day_end.py" line="64"/>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="69"/>
        <source>Sync this till and see every till&apos;s day on the server.</source>
        <translation>同步本收银台，并查看服务器上各收银台的当日情况。</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="72"/>
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="73"/>
        <source>Last contact</source>
        <translation>最后联系</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="74"/>
        <source>Unsynced</source>
        <translation>未上传</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="75"/>
        <source>Sales</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="76"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="82"/>
        <source>Sync and close the day</source>
        <translation>同步并日结</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="90"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="100"/>
        <source>an unexpected error, written to the log</source>
        <translation>意外错误，已记入日志</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="118"/>
        <source>Day {day}: this till sent {sent}; {left} left unsent.</source>
        <translation>{day}：本收银台已上传 {sent} 条，还有 {left} 条未上传。</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="122"/>
        <source>{n} refused changes need a look.</source>
        <translation>{n} 条被拒绝的记录需要查看。</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="128"/>
        <source>The day could not be closed: {reason}</source>
        <translation>无法日结：{reason}</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../device_settings.py" line="54"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="64"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="64"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="64"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="93"/>
        <source>Tests use the settings in config.toml.</source>
        <translation>测试使用 config.toml 中的设置。</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="107"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="108"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="109"/>
        <source>Serial scanner</source>
        <translation>串口扫码枪</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="110"/>
        <source>Customer display</source>
        <translation>顾客显示屏</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="111"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="116"/>
        <source>Print test receipt</source>
        <translation>打印测试小票</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="117"/>
        <source>Open drawer</source>
        <translation>打开钱箱</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="118"/>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="119"/>
        <source>Show text</source>
        <translation>显示文字</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="120"/>
        <source>Read weight</source>
        <translation>读取重量</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="139"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="139"/>
        <source>not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="153"/>
        <source>opening the drawer is audited: no store</source>
        <translation>打开钱箱需要记录审计：没有数据库</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="165"/>
        <source>testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="185"/>
        <source>drawer kicked</source>
        <translation>钱箱已弹开</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="205"/>
        <source>test receipt sent; printer {state}</source>
        <translation>测试小票已发送；打印机{state}</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="206"/>
        <source>status not reported</source>
        <translation>未报告状态</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="215"/>
        <source>text sent to the display</source>
        <translation>文字已发送到显示屏</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="222"/>
        <source>stable weight: {grams} g</source>
        <translation>稳定重量：{grams} 克</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <location filename="../widgets.py" line="114"/>
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../dialogs.py" line="143"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="144"/>
        <source>Discount on: {name}</source>
        <translation>折扣商品：{name}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="146"/>
        <source>Percent off</source>
        <translation>按百分比</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="147"/>
        <source>Amount off (¥)</source>
        <translation>减金额 (¥)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="148"/>
        <source>Percent off the whole ticket</source>
        <translation>整单按百分比</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="156"/>
        <source>e.g. 10</source>
        <translation>例如 10</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="162"/>
        <source>Remove discount</source>
        <translation>取消折扣</translation>
    </message>
</context>
<context>
    <name>HeldDialog</name>
    <message>
        <location filename="../dialogs.py" line="226"/>
        <source>Held tickets</source>
        <translation>挂起的单</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="227"/>
        <source>Choose a ticket and press Enter to resume it</source>
        <translation>选择一张单，按 Enter 取回</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="230"/>
        <source>#{id}  {lines} lines  {total}  held at {time}</source>
        <translation>#{id}  {lines} 行  {total}  {time} 挂单</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="242"/>
        <source>No tickets are on hold</source>
        <translation>没有挂起的单</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="246"/>
        <source>Resume (Enter)</source>
        <translation>取单 (Enter)</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../login.py" line="78"/>
        <source>Till {code}</source>
        <translation>收银台 {code}</translation>
    </message>
    <message>
        <location filename="../login.py" line="79"/>
        <location filename="../login.py" line="144"/>
        <source>Type your PIN and press Enter</source>
        <translation>输入密码，按 Enter</translation>
    </message>
    <message>
        <location filename="../login.py" line="90"/>
        <source>No users yet. The owner adds one with: tillbook user add NAME --role owner --pin PIN</source>
        <translation>还没有用户。店主用此命令添加：tillbook user add 姓名 --role owner --pin 密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="108"/>
        <location filename="../login.py" line="146"/>
        <source>Wait {seconds} s</source>
        <translation>请等待 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="97"/>
        <source>Tillbook till</source>
        <translation>Tillbook 收银</translation>
    </message>
    <message>
        <location filename="../window.py" line="100"/>
        <source>{shop} · till {till}</source>
        <translation>{shop} · 收银台 {till}</translation>
    </message>
    <message>
        <location filename="../window.py" line="104"/>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../window.py" line="106"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../window.py" line="157"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../window.py" line="157"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../window.py" line="158"/>
        <source>Sync: {state}, {count} not uploaded</source>
        <translation>同步：{state}，{count} 项未上传</translation>
    </message>
    <message>
        <location filename="../window.py" line="163"/>
        <source>, last {time}</source>
        <translation>，上次 {time}</translation>
    </message>
    <message>
        <location filename="../window.py" line="167"/>
        <source>Sync: not running, {count} not uploaded</source>
        <translation>同步：未运行，{count} 项未上传</translation>
    </message>
    <message>
        <location filename="../window.py" line="172"/>
        <source>Sync: starting…</source>
        <translation>同步：启动中…</translation>
    </message>
    <message>
        <location filename="../window.py" line="175"/>
        <location filename="../window.py" line="195"/>
        <source>Printer: not checked yet</source>
        <translation>打印机：尚未检查</translation>
    </message>
    <message>
        <location filename="../window.py" line="182"/>
        <source>{printer}, receipts not printed: {count} (Ctrl+P)</source>
        <translation>{printer}，未打印小票：{count} 张 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../window.py" line="188"/>
        <source>Customer display: not connected</source>
        <translation>顾客显示屏：未连接</translation>
    </message>
    <message>
        <location filename="../window.py" line="193"/>
        <source>Printer: no printer</source>
        <translation>打印机：未配置打印机</translation>
    </message>
    <message>
        <location filename="../window.py" line="194"/>
        <source>Printer: address in settings is wrong</source>
        <translation>打印机：设置中的地址有误</translation>
    </message>
    <message>
        <location filename="../window.py" line="196"/>
        <source>Printer: connected, cannot report its state</source>
        <translation>打印机：已连接，无法报告状态</translation>
    </message>
    <message>
        <location filename="../window.py" line="197"/>
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
    <message>
        <location filename="../window.py" line="177"/>
        <source>Printer: not available</source>
        <translation>打印机：不可用</translation>
    </message>
    <message>
        <location filename="../window.py" line="179"/>
        <source>Printer: starting…</source>
        <translation>打印机：启动中…</translation>
    </message>
    <message>
        <location filename="../window.py" line="198"/>
        <source>Printer: ready, paper low</source>
        <translation>打印机：就绪，纸将用完</translation>
    </message>
    <message>
        <location filename="../window.py" line="199"/>
        <source>Printer: out of paper</source>
        <translation>打印机：缺纸</translation>
    </message>
    <message>
        <location filename="../window.py" line="200"/>
        <source>Printer: cover open</source>
        <translation>打印机：纸仓盖未关</translation>
    </message>
    <message>
        <location filename="../window.py" line="201"/>
        <source>Printer: offline</source>
        <translation>打印机：离线</translation>
    </message>
    <message>
        <location filename="../window.py" line="202"/>
        <source>Printer: not reachable</source>
        <translation>打印机：无法连接</translation>
    </message>
    <message>
        <location filename="../window.py" line="274"/>
        <source>open when the till closed</source>
        <translation>收银机关闭时未结的单</translation>
    </message>
    <message>
        <location filename="../window.py" line="299"/>
        <source>Log in first, then scan</source>
        <translation>请先登录再扫码</translation>
    </message>
    <message>
        <location filename="../window.py" line="323"/>
        <source>The devices are still starting; try again</source>
        <translation>设备正在启动，请稍后再试</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../messages.py" line="41"/>
        <source>UnionPay</source>
        <translation>云闪付</translation>
    </message>
    <message>
        <location filename="../messages.py" line="42"/>
        <source>On account</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <source>A price change</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../messages.py" line="50"/>
        <source>A return without a receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>Selling below cost</source>
        <translation>低于成本销售</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>Changing settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../messages.py" line="53"/>
        <source>A large discount</source>
        <translation>大额折扣</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>This action</source>
        <translation>此操作</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <location filename="../messages.py" line="61"/>
        <source>clerk</source>
        <translation>店员</translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>The till could not read or save its data. Please tell the owner.</source>
        <translation>收银机无法读取或保存数据，请告知店主。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>Sorry, something went wrong. It has been logged; please try again.</source>
        <translation>抱歉，出了点问题，已记录日志，请重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>The scale is not steady yet: wait a moment and try again</source>
        <translation>秤还没有稳定：请稍等再试</translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>Too heavy for the scale</source>
        <translation>超过秤的量程</translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>The scale reads below zero: zero it and try again</source>
        <translation>秤的读数低于零：请归零后再试</translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>The scale&apos;s answer could not be read: try again</source>
        <translation>无法读取秤的数据：请再试一次</translation>
    </message>
    <message>
        <location filename="../messages.py" line="96"/>
        <source>The scale is not connected</source>
        <translation>秤未连接</translation>
    </message>
    <message>
        <location filename="../messages.py" line="98"/>
        <source>Unknown barcode {code}</source>
        <translation>未知条码 {code}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="100"/>
        <source>Barcode {code} was misread: please scan it again</source>
        <translation>条码 {code} 读错了，请重新扫描</translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>That is a payment code: press F12 to pay, then scan it</source>
        <translation>这是付款码：请先按 F12 结账，再扫码</translation>
    </message>
    <message>
        <location filename="../messages.py" line="106"/>
        <source>{name} is not for sale</source>
        <translation>{name} 不可销售</translation>
    </message>
    <message>
        <location filename="../messages.py" line="108"/>
        <source>{name} has no valid price</source>
        <translation>{name} 没有有效价格</translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>That quantity is not valid</source>
        <translation>数量无效</translation>
    </message>
    <message>
        <location filename="../messages.py" line="114"/>
        <source>Choose a line on the ticket first</source>
        <translation>请先选择一行商品</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>Only {qty} of {name} in stock</source>
        <translation>{name} 库存只有 {qty}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="120"/>
        <source>{amount} still to pay</source>
        <translation>还需支付 {amount}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="124"/>
        <source>The ticket is empty</source>
        <translation>本单没有商品</translation>
    </message>
    <message>
        <location filename="../messages.py" line="126"/>
        <source>Card or phone payments are {amount} more than is due: remove one (F9)</source>
        <translation>刷卡或手机支付比应付多 {amount}：请删除一笔（F9）</translation>
    </message>
    <message>
        <location filename="../messages.py" line="131"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../messages.py" line="132"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../messages.py" line="133"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../messages.py" line="136"/>
        <source>To deliver, the customer needs a {missing}</source>
        <translation>送货需要顾客的{missing}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="140"/>
        <source>{name} has only {amount} of credit left</source>
        <translation>{name} 只剩 {amount} 可挂账额度</translation>
    </message>
    <message>
        <location filename="../messages.py" line="145"/>
        <source>{tender} cannot pay more than {amount}</source>
        <translation>{tender} 最多支付 {amount}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="150"/>
        <source>Remove the on-account payment before changing the customer</source>
        <translation>更换会员前，请先删除挂账付款</translation>
    </message>
    <message>
        <location filename="../messages.py" line="154"/>
        <source>On account needs a customer on the ticket (F3)</source>
        <translation>挂账需要先关联会员 (F3)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="155"/>
        <source>That way of paying is not accepted</source>
        <translation>不支持这种付款方式</translation>
    </message>
    <message>
        <location filename="../messages.py" line="157"/>
        <source>This ticket is closed; start a new one</source>
        <translation>本单已结束，请开新单</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>No sale with receipt number {receipt_no}</source>
        <translation>找不到小票号 {receipt_no} 的销售</translation>
    </message>
    <message>
        <location filename="../messages.py" line="163"/>
        <source>{receipt_no} waits for delivery on slip {slip}: cancel the slip first</source>
        <translation>{receipt_no} 的货物在送货单 {slip} 上等待送货：请先取消该送货单</translation>
    </message>
    <message>
        <location filename="../messages.py" line="168"/>
        <source>At most {qty} of {name} can come back</source>
        <translation>{name} 最多可退 {qty}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="172"/>
        <source>{qty} × {name}: is that right?</source>
        <translation>{qty} × {name}，确定吗？</translation>
    </message>
    <message>
        <location filename="../messages.py" line="176"/>
        <source>{action} needs the {role}&apos;s PIN</source>
        <translation>{action}需要{role}密码</translation>
    </message>
    <message>
        <location filename="../messages.py" line="181"/>
        <source>Too many wrong PINs: wait {seconds} s</source>
        <translation>密码错误次数太多：请等待 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../messages.py" line="187"/>
        <source>Wrong PIN. Wait {seconds} s before the next try</source>
        <translation>密码错误。请等待 {seconds} 秒再试</translation>
    </message>
    <message>
        <location filename="../messages.py" line="190"/>
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../messages.py" line="192"/>
        <source>Another user already has that PIN</source>
        <translation>该密码已被其他用户使用</translation>
    </message>
    <message>
        <location filename="../messages.py" line="195"/>
        <source>Not valid: {value}</source>
        <translation>无效：{value}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="196"/>
        <source>That entry is not valid</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../messages.py" line="198"/>
        <source>That cannot be done: {code}</source>
        <translation>无法执行：{code}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="209"/>
        <source>Waiting for its turn</source>
        <translation>排队等待打印</translation>
    </message>
    <message>
        <location filename="../messages.py" line="210"/>
        <source>Printing now</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <location filename="../messages.py" line="211"/>
        <source>Paper ran out while printing: it may be incomplete</source>
        <translation>打印中缺纸：小票可能不完整</translation>
    </message>
    <message>
        <location filename="../messages.py" line="214"/>
        <source>Interrupted while printing: check the paper</source>
        <translation>打印中断：请查看纸上是否已打出</translation>
    </message>
    <message>
        <location filename="../messages.py" line="215"/>
        <source>Connection lost while printing: check the paper</source>
        <translation>打印中连接断开：请查看纸上是否已打出</translation>
    </message>
    <message>
        <location filename="../messages.py" line="218"/>
        <source>The receipt could not be laid out</source>
        <translation>小票无法排版</translation>
    </message>
    <message>
        <location filename="../messages.py" line="219"/>
        <source>The system print queue refused it</source>
        <translation>系统打印队列拒绝了此任务</translation>
    </message>
    <message>
        <location filename="../messages.py" line="220"/>
        <source>Printer cover open</source>
        <translation>打印机盖未关</translation>
    </message>
    <message>
        <location filename="../messages.py" line="221"/>
        <source>Printer out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <location filename="../messages.py" line="222"/>
        <source>Printer offline</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <location filename="../messages.py" line="223"/>
        <source>Printer not reachable</source>
        <translation>无法连接打印机</translation>
    </message>
    <message>
        <location filename="../messages.py" line="225"/>
        <source>An unexpected printer error</source>
        <translation>打印机出现意外错误</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <location filename="../pay.py" line="43"/>
        <source>Pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../pay.py" line="53"/>
        <source>Amount due</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../pay.py" line="62"/>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../pay.py" line="72"/>
        <source>Amount received (empty = exact)</source>
        <translation>实收金额（不填 = 正好）</translation>
    </message>
    <message>
        <location filename="../pay.py" line="75"/>
        <source>Type the cash handed over, or scan a payment code</source>
        <translation>输入顾客给的现金，或扫付款码</translation>
    </message>
    <message>
        <location filename="../pay.py" line="86"/>
        <source>Cash  [Enter]</source>
        <translation>现金  [Enter]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="96"/>
        <source>Deliver to the customer (delivery slip)  [F10]</source>
        <translation>送货上门（开送货单）  [F10]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="102"/>
        <source>Remove last payment  [F9]</source>
        <translation>撤销上一笔付款  [F9]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="105"/>
        <source>Back to ticket  [Esc]</source>
        <translation>返回本单  [Esc]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="117"/>
        <source>Total {total}, paid {paid}</source>
        <translation>合计 {total}，已付 {paid}</translation>
    </message>
    <message>
        <location filename="../pay.py" line="197"/>
        <source>Paid. Receipt {receipt_no}</source>
        <translation>已付款。小票 {receipt_no}</translation>
    </message>
    <message>
        <location filename="../pay.py" line="202"/>
        <source>Give the change, then Enter for the next customer</source>
        <translation>找零后按 Enter 接待下一位</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <location filename="../dialogs.py" line="46"/>
        <source>Owner approval</source>
        <translation>店主授权</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="53"/>
        <source>Owner PIN, then Enter</source>
        <translation>店主密码，然后按 Enter</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../dialogs.py" line="187"/>
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="189"/>
        <source>{name}: now {price}</source>
        <translation>{name}：现价 {price}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="191"/>
        <source>New unit price (¥)</source>
        <translation>新单价 (¥)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="194"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="196"/>
        <source>e.g. damaged packaging</source>
        <translation>例如 包装破损</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="200"/>
        <source>Change price (Enter)</source>
        <translation>改价 (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="214"/>
        <source>Say why the price changes</source>
        <translation>请填写改价原因</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../dialogs.py" line="121"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="122"/>
        <source>New quantity of {name}</source>
        <translation>{name} 的新数量</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../dialogs.py" line="282"/>
        <source>Reprint a receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="283"/>
        <source>Receipt number (Enter for the last one)</source>
        <translation>小票号（直接 Enter 补打上一张）</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../returns.py" line="34"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../returns.py" line="40"/>
        <source>Receipt number, or scan the receipt&apos;s barcode</source>
        <translation>小票号，或扫小票上的条码</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <location filename="../returns.py" line="115"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <source>Can return</source>
        <translation>可退</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <location filename="../returns.py" line="115"/>
        <source>Return now</source>
        <translation>本次退</translation>
    </message>
    <message>
        <location filename="../returns.py" line="57"/>
        <source>Refund the quantities shown  [Enter]</source>
        <translation>按所示数量退款  [Enter]</translation>
    </message>
    <message>
        <location filename="../returns.py" line="61"/>
        <source>No receipt  [F2]</source>
        <translation>无小票  [F2]</translation>
    </message>
    <message>
        <location filename="../returns.py" line="112"/>
        <source>No receipt: scan each item coming back; Enter refunds them in cash</source>
        <translation>无小票：逐件扫描退回的商品；按 Enter 以现金退款</translation>
    </message>
    <message>
        <location filename="../returns.py" line="115"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../returns.py" line="120"/>
        <source>Barcode of an item coming back</source>
        <translation>退回商品的条码</translation>
    </message>
    <message>
        <location filename="../returns.py" line="162"/>
        <source>Type or scan the receipt number; F2 if there is none</source>
        <translation>输入或扫描小票号；没有小票请按 F2</translation>
    </message>
    <message>
        <location filename="../returns.py" line="176"/>
        <source>{receipt_no}, {time}, total {total}</source>
        <translation>{receipt_no}，{time}，合计 {total}</translation>
    </message>
    <message>
        <location filename="../returns.py" line="195"/>
        <source>Everything on this receipt has come back already</source>
        <translation>这张小票的商品已全部退回</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../search.py" line="22"/>
        <source>Find a product</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../search.py" line="27"/>
        <source>Barcode, SKU, part of the name or pinyin initials (e.g. kkkl)</source>
        <translation>条码、货号、名称片段或拼音首字母（如 kkkl）</translation>
    </message>
    <message>
        <location filename="../search.py" line="34"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../search.py" line="34"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../search.py" line="34"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../search.py" line="48"/>
        <source>↑ ↓ choose, Enter adds, Esc closes</source>
        <translation>↑ ↓ 选择，Enter 加入，Esc 关闭</translation>
    </message>
    <message>
        <location filename="../search.py" line="81"/>
        <source>{count} found. ↑ ↓ choose, Enter adds, Esc closes</source>
        <translation>找到 {count} 个。↑ ↓ 选择，Enter 加入，Esc 关闭</translation>
    </message>
</context>
<context>
    <name>SellingScreen</name>
    <message>
        <location filename="../selling.py" line="199"/>
        <source>Search</source>
        <translation>查找商品</translation>
    </message>
    <message>
        <location filename="../selling.py" line="200"/>
        <source>Customer</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../selling.py" line="201"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../selling.py" line="202"/>
        <source>Hold / resume</source>
        <translation>挂单 / 取单</translation>
    </message>
    <message>
        <location filename="../selling.py" line="203"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../selling.py" line="204"/>
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../selling.py" line="205"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../selling.py" line="206"/>
        <source>Void line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../selling.py" line="207"/>
        <source>Weigh</source>
        <translation>称重</translation>
    </message>
    <message>
        <location filename="../selling.py" line="208"/>
        <source>Reprint</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <location filename="../selling.py" line="209"/>
        <source>Not printed</source>
        <translation>未打印小票</translation>
    </message>
    <message>
        <location filename="../selling.py" line="210"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../selling.py" line="211"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../selling.py" line="212"/>
        <source>Clear ticket</source>
        <translation>清空本单</translation>
    </message>
    <message>
        <location filename="../selling.py" line="213"/>
        <source>Pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../selling.py" line="222"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../selling.py" line="223"/>
        <source>Scan, or type a barcode and press Enter</source>
        <translation>扫码，或输入条码后按 Enter</translation>
    </message>
    <message>
        <location filename="../selling.py" line="248"/>
        <source>{items} items, {lines} lines</source>
        <translation>{items} 件，{lines} 行</translation>
    </message>
    <message>
        <location filename="../selling.py" line="257"/>
        <source>Customer: {name}</source>
        <translation>会员：{name}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="259"/>
        <source>No customer (F3)</source>
        <translation>未关联会员 (F3)</translation>
    </message>
    <message>
        <location filename="../selling.py" line="392"/>
        <source>{name}  {qty} × {price}</source>
        <translation>{name}  {qty} × {price}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="398"/>
        <location filename="../selling.py" line="548"/>
        <source>Low stock: {name} (sold, and flagged for the owner)</source>
        <translation>库存不足：{name}（已售出，并提醒店主核对）</translation>
    </message>
    <message>
        <location filename="../selling.py" line="456"/>
        <source>{name} {old} → {new}</source>
        <translation>{name} {old} → {new}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="463"/>
        <source>Order {receipt_no} copied</source>
        <translation>已复制订单 {receipt_no}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="465"/>
        <source>price changed: {list}</source>
        <translation>价格有变：{list}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="467"/>
        <source>not for sale now: {list}</source>
        <translation>现已停售：{list}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="480"/>
        <source>Choose the product to weigh</source>
        <translation>选择要称重的商品</translation>
    </message>
    <message>
        <location filename="../selling.py" line="489"/>
        <source>{name} is not sold by weight</source>
        <translation>{name} 不是称重商品</translation>
    </message>
    <message>
        <location filename="../selling.py" line="494"/>
        <source>No scale is set up on this till</source>
        <translation>本收银台没有设置秤</translation>
    </message>
    <message>
        <location filename="../selling.py" line="499"/>
        <source>Weighing {name}…</source>
        <translation>正在称重 {name}…</translation>
    </message>
    <message>
        <location filename="../selling.py" line="517"/>
        <source>The scale shows no weight: put {name} on it</source>
        <translation>秤上没有重量：请把 {name} 放到秤上</translation>
    </message>
    <message>
        <location filename="../selling.py" line="533"/>
        <location filename="../selling.py" line="594"/>
        <location filename="../selling.py" line="615"/>
        <location filename="../selling.py" line="667"/>
        <source>The ticket is empty</source>
        <translation>本单没有商品</translation>
    </message>
    <message>
        <location filename="../selling.py" line="567"/>
        <source>Ticket held as #{id}. F5 on an empty ticket resumes it</source>
        <translation>已挂单 #{id}。空单时按 F5 取回</translation>
    </message>
    <message>
        <location filename="../selling.py" line="581"/>
        <source>Ticket #{id} resumed</source>
        <translation>已取回单 #{id}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="626"/>
        <source>Price of {name} is now {price}</source>
        <translation>{name} 的价格已改为 {price}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="643"/>
        <source>Removed: {name}</source>
        <translation>已删除：{name}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="651"/>
        <source>Clear the whole ticket ({items} items, {total})?</source>
        <translation>清空整张小票（{items} 件，{total}）？</translation>
    </message>
    <message>
        <location filename="../selling.py" line="660"/>
        <source>Ticket cleared</source>
        <translation>小票已清空</translation>
    </message>
    <message>
        <location filename="../selling.py" line="677"/>
        <source>Sale {receipt_no} done: {total}</source>
        <translation>销售 {receipt_no} 完成：{total}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="681"/>
        <source>Change {change}</source>
        <translation>找零 {change}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="698"/>
        <source>Return {receipt_no} recorded. Refund: {refund}</source>
        <translation>退货 {receipt_no} 已记录。退款：{refund}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="722"/>
        <location filename="../selling.py" line="744"/>
        <source>Printing is not available on this till</source>
        <translation>本收银台不能打印</translation>
    </message>
    <message>
        <location filename="../selling.py" line="749"/>
        <source>Receipt {receipt_no} sent to the printer</source>
        <translation>小票 {receipt_no} 已送打印</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings.py" line="19"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../settings.py" line="20"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../settings.py" line="23"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../settings.py" line="30"/>
        <source>Saved in config.toml ([shop] language).</source>
        <translation>保存在 config.toml（[shop] language）。</translation>
    </message>
    <message>
        <location filename="../settings.py" line="34"/>
        <source>Devices and printer</source>
        <translation>设备与打印机</translation>
    </message>
    <message>
        <location filename="../settings.py" line="35"/>
        <source>Sync and close the day</source>
        <translation>同步并日结</translation>
    </message>
    <message>
        <location filename="../settings.py" line="36"/>
        <source>Warehouse: delivery slips</source>
        <translation>仓库：送货单</translation>
    </message>
    <message>
        <location filename="../settings.py" line="42"/>
        <source>Save  [Enter]</source>
        <translation>保存  [Enter]</translation>
    </message>
</context>
<context>
    <name>TicketModel</name>
    <message>
        <location filename="../ticket_model.py" line="66"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="67"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="68"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="69"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="70"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>UnprintedDialog</name>
    <message>
        <location filename="../receipts.py" line="156"/>
        <source>Receipts not printed</source>
        <translation>未打印的小票</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="163"/>
        <source>Look at the paper first: a failed receipt may have printed.</source>
        <translation>请先看一下纸：失败的小票可能已经打出。</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="172"/>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="172"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="172"/>
        <source>Why not printed</source>
        <translation>未打印原因</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="184"/>
        <source>Every receipt has printed.</source>
        <translation>所有小票都已打印。</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="188"/>
        <source>Retry (Enter)</source>
        <translation>重试 (Enter)</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="190"/>
        <source>Skip (Del)</source>
        <translation>跳过 (Del)</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="217"/>
        <source>job {id}</source>
        <translation>任务 {id}</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="219"/>
        <source>{receipt_no} (reprint)</source>
        <translation>{receipt_no}（重印）</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="274"/>
        <source>{receipt_no} sent to the printer again</source>
        <translation>{receipt_no} 已重新发送到打印机</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="282"/>
        <source>{receipt_no} skipped</source>
        <translation>{receipt_no} 已跳过</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="294"/>
        <source>That receipt is printing now or already done</source>
        <translation>这张小票正在打印或已打印完成</translation>
    </message>
</context>
</TS>
