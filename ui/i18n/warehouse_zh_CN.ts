<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderPage</name>
    <message>
        <location filename="../warehouse.py" line="934" />
        <source>Scan or type a SKU; add *quantity, e.g. PIPE*12</source>
        <translation>扫码或输入编码；数量加 *，如 PIPE*12</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="938" />
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="939" />
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="940" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="941" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="942" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="950" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="951" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="952" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="953" />
        <source>Deliver on</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="954" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="955" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="957" />
        <source>New customer order</source>
        <translation>新建客户订单</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="963" />
        <source>Enter: next field / add item   F10: save   Esc: back</source>
        <translation>回车：下一项 / 加入商品   F10：保存   Esc：返回</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="978" />
        <source>Customer, phone and address are needed.</source>
        <translation>客户、电话和地址必须填写。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="993" />
        <source>Customer {name} found by phone.</source>
        <translation>按电话找到客户 {name}。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1025" />
        <source>{name} x {qty} added.</source>
        <translation>已加入 {name} × {qty}。</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../warehouse.py" line="445" />
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="446" />
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="447" />
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="448" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="449" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="450" />
        <source>Ordered</source>
        <translation>应发</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="451" />
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="452" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="464" />
        <source>Scan each item as it goes on the pallet</source>
        <translation>每件货上托盘时扫一下</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="470" />
        <source>Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   F7 delivered   F8 preview / print   F9 cancel slip   Esc back</source>
        <translation>上/下 选行   F2 清除该行已拣   F5 拣货完成   F6 发车   F7 已送达   F8 预览 / 打印   F9 作废   Esc 返回</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="516" />
        <source>Slip {number} - {state}</source>
        <translation>送货单 {number} - {state}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="519" />
        <source>{name}   {phone}
{address}</source>
        <translation>{name}   {phone}
{address}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="527" />
        <source>done</source>
        <translation>已齐</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="529" />
        <source>to pick</source>
        <translation>待拣</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="531" />
        <source>short {count}</source>
        <translation>还差 {count}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="561" />
        <location filename="../warehouse.py" line="592" />
        <source>All lines picked. F5 marks the slip picked.</source>
        <translation>全部拣齐。按 F5 标记拣货完成。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="562" />
        <source>{count} lines to pick. Scan each item.</source>
        <translation>还有 {count} 行待拣，请逐件扫码。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="563" />
        <source>Slip is {state}.</source>
        <translation>此单{state}。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="586" />
        <source>{name}: {picked} of {ordered}</source>
        <translation>{name}：已拣 {picked} / 应发 {ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="608" />
        <source>{name}: picked count cleared.</source>
        <translation>{name}：已拣数量已清零。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="629" />
        <source>Send it short? An owner enters a PIN and the reason.</source>
        <translation>缺货发出？需店主输入密码和原因。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="630" />
        <source>Owner PIN</source>
        <translation>店主密码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="630" />
        <location filename="../warehouse.py" line="698" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="638" />
        <source>Slip {number} picked.</source>
        <translation>送货单 {number} 拣货完成。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="655" />
        <source>Slip {number} picked short, approved by {owner}.</source>
        <translation>送货单 {number} 缺货发出，{owner} 已批准。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="667" />
        <source>Slip {number} dispatched; stock has left the warehouse.</source>
        <translation>送货单 {number} 已发车，库存已从仓库扣减。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="681" />
        <source>Who signed for the goods?</source>
        <translation>谁签收的？</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="682" />
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="691" />
        <source>Slip {number} delivered.</source>
        <translation>送货单 {number} 已送达。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="698" />
        <source>Cancel this slip? Say why.</source>
        <translation>作废此单？请说明原因。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="706" />
        <source>Slip {number} cancelled.</source>
        <translation>送货单 {number} 已作废。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../warehouse.py" line="813" />
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="814" />
        <source>Save PDF (Ctrl+S)</source>
        <translation>保存 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="815" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="821" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="851" />
        <source>{number}: {pages} pages, font {font}</source>
        <translation>{number}：共 {pages} 页，字体 {font}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="875" />
        <source>Save slip as PDF</source>
        <translation>送货单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="875" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="881" />
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="883" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Prompt</name>
    <message>
        <location filename="../warehouse.py" line="753" />
        <source>(Enter: confirm, Esc: back)</source>
        <translation>（回车确认，Esc 返回）</translation>
    </message>
</context>
<context>
    <name>SlipListPage</name>
    <message>
        <location filename="../warehouse.py" line="299" />
        <source>Scan a slip, or search number, customer, phone</source>
        <translation>扫送货单条码，或按单号、客户、电话搜索</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="301" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="313" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="314" />
        <location filename="../warehouse.py" line="329" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="315" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="316" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="317" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="318" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="331" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="333" />
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="336" />
        <source>New order (F3)</source>
        <translation>新建订单 (F3)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="340" />
        <source>Delivery slips</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="348" />
        <source>Enter: open   Up/Down: choose   F3: new customer order   F4: state</source>
        <translation>回车：打开   上/下：选择   F3：新建客户订单   F4：切换状态</translation>
    </message>
</context>
<context>
    <name>WarehouseWindow</name>
    <message>
        <location filename="../warehouse.py" line="84" />
        <source>pending</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="85" />
        <source>picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="86" />
        <source>dispatched</source>
        <translation>已发车</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="87" />
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="88" />
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="170" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="203" />
        <location filename="../warehouse.py" line="265" />
        <source>No slip {number}</source>
        <translation>没有送货单 {number}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="227" />
        <source>NOT ON THIS SLIP: {name}. Put it aside.</source>
        <translation>不在此单上：{name}。请放回。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="230" />
        <source>TOO MANY {name}: slip asks for {ordered}, {picked} picked; this scan would add {added}. Take it off.</source>
        <translation>{name} 多了：单上 {ordered}，已拣 {picked}，这次扫码会再加 {added}。请拿下。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="240" />
        <source>{name} {picked}/{ordered}</source>
        <translation>{name} {picked}/{ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="247" />
        <source>SHORT: {lines}</source>
        <translation>缺货：{lines}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="249" />
        <source>Unknown barcode {code}</source>
        <translation>未知条码 {code}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="251" />
        <source>Misread barcode {code}: scan it again</source>
        <translation>条码 {code} 读错了，请重扫</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="253" />
        <source>That is a payment code, not an item</source>
        <translation>这是付款码，不是商品</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="255" />
        <source>Slip {number} is {state}: not possible now</source>
        <translation>送货单 {number} {state}，现在不能这样操作</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="259" />
        <source>Customer name, phone and address are all needed</source>
        <translation>客户姓名、电话和地址都必须填写</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="261" />
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="263" />
        <source>This needs an owner's PIN</source>
        <translation>需要店主密码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="267" />
        <source>Not accepted: {detail}</source>
        <translation>不能接受：{detail}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="268" />
        <source>Not done: {detail}</source>
        <translation>未完成：{detail}</translation>
    </message>
</context>
</TS>