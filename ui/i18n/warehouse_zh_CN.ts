<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderPage</name>
    <message>
        <location filename="../warehouse.py" line="1112" />
        <source>Scan or type a SKU; add *quantity, e.g. PIPE*12</source>
        <translation>扫码或输入编码；数量加 *，如 PIPE*12</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1116" />
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1117" />
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1118" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1119" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1120" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1128" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1129" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1130" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1131" />
        <source>Deliver on</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1132" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1133" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1135" />
        <source>New customer order</source>
        <translation>新建客户订单</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1141" />
        <source>Enter: next field / add item   F10: save   Esc: back</source>
        <translation>回车：下一项 / 加入商品   F10：保存   Esc：返回</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1156" />
        <source>Customer, phone and address are needed.</source>
        <translation>客户、电话和地址必须填写。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1171" />
        <source>Customer {name} found by phone.</source>
        <translation>按电话找到客户 {name}。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1203" />
        <source>{name} x {qty} added.</source>
        <translation>已加入 {name} × {qty}。</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../warehouse.py" line="490" />
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="491" />
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="492" />
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="493" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="494" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="495" />
        <source>Ordered</source>
        <translation>应发</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="496" />
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="497" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="509" />
        <source>Scan each item as it goes on the pallet</source>
        <translation>每件货上托盘时扫一下</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="515" />
        <source>Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   F7 delivered   F8 preview / print   F9 cancel slip   Esc back</source>
        <translation>上/下 选行   F2 清除该行已拣   F5 拣货完成   F6 发车   F7 已送达   F8 预览 / 打印   F9 作废   Esc 返回</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="562" />
        <source>Slip {number} - {state}</source>
        <translation>送货单 {number} - {state}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="565" />
        <source>{name}   {phone}
{address}</source>
        <translation>{name}   {phone}
{address}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="573" />
        <source>done</source>
        <translation>已齐</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="575" />
        <source>to pick</source>
        <translation>待拣</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="577" />
        <source>short {count}</source>
        <translation>还差 {count}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="607" />
        <location filename="../warehouse.py" line="647" />
        <source>All lines picked. F5 marks the slip picked.</source>
        <translation>全部拣齐。按 F5 标记拣货完成。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="608" />
        <source>{count} lines to pick. Scan each item.</source>
        <translation>还有 {count} 行待拣，请逐件扫码。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="609" />
        <source>Slip is {state}.</source>
        <translation>此单{state}。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="641" />
        <source>{name}: {picked} of {ordered}</source>
        <translation>{name}：已拣 {picked} / 应发 {ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="659" />
        <source>That is this slip's own barcode, not an item. Scan the goods.</source>
        <translation>这是本单自己的条码，不是商品。请扫货品。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="665" />
        <source>That is slip {number} ({customer}), not an item. Scan it again to open it.</source>
        <translation>这是送货单 {number}（{customer}）的条码，不是商品。再扫一次即打开该单。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="688" />
        <source>{name}: picked count cleared.</source>
        <translation>{name}：已拣数量已清零。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="709" />
        <source>Send it short? An owner enters a PIN and the reason.</source>
        <translation>缺货发出？需店主输入密码和原因。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="710" />
        <source>Owner PIN</source>
        <translation>店主密码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="710" />
        <location filename="../warehouse.py" line="800" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="718" />
        <source>Slip {number} picked.</source>
        <translation>送货单 {number} 拣货完成。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="735" />
        <source>Slip {number} picked short, approved by {owner}.</source>
        <translation>送货单 {number} 缺货发出，{owner} 已批准。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="750" />
        <source>Slip {number} dispatched; stock has left the warehouse.</source>
        <translation>送货单 {number} 已发车，库存已从仓库扣减。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="756" />
        <source>Slip {number} dispatched, but the warehouse had too little of: {lines}. Count the stock.</source>
        <translation>送货单 {number} 已发货，但仓库库存不足：{lines}。请盘点库存。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="761" />
        <source>{name} {on_hand} on hand, {wanted} sent</source>
        <translation>{name} 库存 {on_hand}，发出 {wanted}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="783" />
        <source>Who signed for the goods?</source>
        <translation>谁签收的？</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="784" />
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="793" />
        <source>Slip {number} delivered.</source>
        <translation>送货单 {number} 已送达。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="800" />
        <source>Cancel this slip? Say why.</source>
        <translation>作废此单？请说明原因。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="808" />
        <source>Slip {number} cancelled.</source>
        <translation>送货单 {number} 已作废。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../warehouse.py" line="923" />
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="924" />
        <source>Save PDF (Ctrl+S)</source>
        <translation>保存 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="925" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="931" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message numerus="yes">
        <location filename="../warehouse.py" line="963" />
        <source>{number}: %n page(s), font {font}</source>
        <translation>
            <numerusform>{number}：共 %n 页，字体 {font}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="972" />
        <source>No Chinese font installed: the PDF relies on the printer or viewer to have one. Install fonts-wqy-zenhei.</source>
        <translation>未安装中文字体：PDF 需打印机或阅读器自带中文字体才能显示。请安装 fonts-wqy-zenhei。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1011" />
        <source>Printing {number}...</source>
        <translation>正在打印 {number}……</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1016" />
        <source>{number} printed on {printer}.</source>
        <translation>{number} 已在 {printer} 打印。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1023" />
        <source>{number} not printed: {reason}</source>
        <translation>{number} 未打印：{reason}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1036" />
        <source>Save slip as PDF</source>
        <translation>送货单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1036" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1042" />
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1044" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Prompt</name>
    <message>
        <location filename="../warehouse.py" line="855" />
        <source>(Enter: confirm, Esc: back)</source>
        <translation>（回车确认，Esc 返回）</translation>
    </message>
</context>
<context>
    <name>SlipListPage</name>
    <message>
        <location filename="../warehouse.py" line="330" />
        <source>Scan a slip, or search number, customer, phone</source>
        <translation>扫送货单条码，或按单号、客户、电话搜索</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="332" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="346" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="347" />
        <location filename="../warehouse.py" line="365" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="348" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="349" />
        <source>Deliver on</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="350" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="351" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="352" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="367" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="369" />
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="372" />
        <source>New order (F3)</source>
        <translation>新建订单 (F3)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="376" />
        <source>Delivery slips</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="384" />
        <source>Enter: open   Up/Down: choose   F3: new customer order   F4: state</source>
        <translation>回车：打开   上/下：选择   F3：新建客户订单   F4：切换状态</translation>
    </message>
</context>
<context>
    <name>WarehouseWindow</name>
    <message>
        <location filename="../warehouse.py" line="86" />
        <source>pending</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="87" />
        <source>picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="88" />
        <source>dispatched</source>
        <translation>已发车</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="89" />
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="90" />
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="179" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="212" />
        <location filename="../warehouse.py" line="294" />
        <source>No slip {number}</source>
        <translation>没有送货单 {number}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="248" />
        <source>NOT ON THIS SLIP: {name}. Put it aside.</source>
        <translation>不在此单上：{name}。请放回。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="251" />
        <source>TOO MANY {name}: slip asks for {ordered}, {picked} picked; this scan would add {added}. Take it off.</source>
        <translation>{name} 多了：单上 {ordered}，已拣 {picked}，这次扫码会再加 {added}。请拿下。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="261" />
        <source>{name} {picked}/{ordered}</source>
        <translation>{name} {picked}/{ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="268" />
        <source>SHORT: {lines}</source>
        <translation>缺货：{lines}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="271" />
        <source>NOT ENOUGH IN THE WAREHOUSE: {name}, {on_hand} on hand, {wanted} to send</source>
        <translation>仓库库存不足：{name}，库存 {on_hand}，需发 {wanted}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="278" />
        <source>Unknown barcode {code}</source>
        <translation>未知条码 {code}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="280" />
        <source>Misread barcode {code}: scan it again</source>
        <translation>条码 {code} 读错了，请重扫</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="282" />
        <source>That is a payment code, not an item</source>
        <translation>这是付款码，不是商品</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="284" />
        <source>Slip {number} is {state}: not possible now</source>
        <translation>送货单 {number} {state}，现在不能这样操作</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="288" />
        <source>Customer name, phone and address are all needed</source>
        <translation>客户姓名、电话和地址都必须填写</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="290" />
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="292" />
        <source>This needs an owner's PIN</source>
        <translation>需要店主密码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="296" />
        <source>Not accepted: {detail}</source>
        <translation>不能接受：{detail}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="297" />
        <source>Not done: {detail}</source>
        <translation>未完成：{detail}</translation>
    </message>
</context>
</TS>