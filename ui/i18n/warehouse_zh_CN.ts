<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>OrderPage</name>
    <message>
        <location filename="../warehouse.py" line="1061" />
        <source>Scan or type a SKU; add *quantity, e.g. PIPE*12</source>
        <translation>扫码或输入编码；数量加 *，如 PIPE*12</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1065" />
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1066" />
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1067" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1068" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1069" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1077" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1078" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1079" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1080" />
        <source>Deliver on</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1081" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1082" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1084" />
        <source>New customer order</source>
        <translation>新建客户订单</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1090" />
        <source>Enter: next field / add item   F10: save   Esc: back</source>
        <translation>回车：下一项 / 加入商品   F10：保存   Esc：返回</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1105" />
        <source>Customer, phone and address are needed.</source>
        <translation>客户、电话和地址必须填写。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1120" />
        <source>Customer {name} found by phone.</source>
        <translation>按电话找到客户 {name}。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1152" />
        <source>{name} x {qty} added.</source>
        <translation>已加入 {name} × {qty}。</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../warehouse.py" line="482" />
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="483" />
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="484" />
        <source>Name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="485" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="486" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="487" />
        <source>Ordered</source>
        <translation>应发</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="488" />
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="489" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="501" />
        <source>Scan each item as it goes on the pallet</source>
        <translation>每件货上托盘时扫一下</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="507" />
        <source>Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   F7 delivered   F8 preview / print   F9 cancel slip   Esc back</source>
        <translation>上/下 选行   F2 清除该行已拣   F5 拣货完成   F6 发车   F7 已送达   F8 预览 / 打印   F9 作废   Esc 返回</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="554" />
        <source>Slip {number} - {state}</source>
        <translation>送货单 {number} - {state}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="557" />
        <source>{name}   {phone}
{address}</source>
        <translation>{name}   {phone}
{address}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="565" />
        <source>done</source>
        <translation>已齐</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="567" />
        <source>to pick</source>
        <translation>待拣</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="569" />
        <source>short {count}</source>
        <translation>还差 {count}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="599" />
        <location filename="../warehouse.py" line="639" />
        <source>All lines picked. F5 marks the slip picked.</source>
        <translation>全部拣齐。按 F5 标记拣货完成。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="600" />
        <source>{count} lines to pick. Scan each item.</source>
        <translation>还有 {count} 行待拣，请逐件扫码。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="601" />
        <source>Slip is {state}.</source>
        <translation>此单{state}。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="633" />
        <source>{name}: {picked} of {ordered}</source>
        <translation>{name}：已拣 {picked} / 应发 {ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="651" />
        <source>That is this slip's own barcode, not an item. Scan the goods.</source>
        <translation>这是本单自己的条码，不是商品。请扫货品。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="657" />
        <source>That is slip {number} ({customer}), not an item. Scan it again to open it.</source>
        <translation>这是送货单 {number}（{customer}）的条码，不是商品。再扫一次即打开该单。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="680" />
        <source>{name}: picked count cleared.</source>
        <translation>{name}：已拣数量已清零。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="701" />
        <source>Send it short? An owner enters a PIN and the reason.</source>
        <translation>缺货发出？需店主输入密码和原因。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="702" />
        <source>Owner PIN</source>
        <translation>店主密码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="702" />
        <location filename="../warehouse.py" line="792" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="710" />
        <source>Slip {number} picked.</source>
        <translation>送货单 {number} 拣货完成。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="727" />
        <source>Slip {number} picked short, approved by {owner}.</source>
        <translation>送货单 {number} 缺货发出，{owner} 已批准。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="742" />
        <source>Slip {number} dispatched; stock has left the warehouse.</source>
        <translation>送货单 {number} 已发车，库存已从仓库扣减。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="748" />
        <source>Slip {number} dispatched, but the warehouse had too little of: {lines}. Count the stock.</source>
        <translation>送货单 {number} 已发货，但仓库库存不足：{lines}。请盘点库存。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="753" />
        <source>{name} {on_hand} on hand, {wanted} sent</source>
        <translation>{name} 库存 {on_hand}，发出 {wanted}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="775" />
        <source>Who signed for the goods?</source>
        <translation>谁签收的？</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="776" />
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="785" />
        <source>Slip {number} delivered.</source>
        <translation>送货单 {number} 已送达。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="792" />
        <source>Cancel this slip? Say why.</source>
        <translation>作废此单？请说明原因。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="800" />
        <source>Slip {number} cancelled.</source>
        <translation>送货单 {number} 已作废。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../warehouse.py" line="915" />
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="916" />
        <source>Save PDF (Ctrl+S)</source>
        <translation>保存 PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="917" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="923" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message numerus="yes">
        <location filename="../warehouse.py" line="955" />
        <source>{number}: %n page(s), font {font}</source>
        <translation>
            <numerusform>{number}：共 %n 页，字体 {font}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="964" />
        <source>No Chinese font installed: the PDF relies on the printer or viewer to have one. Install fonts-wqy-zenhei.</source>
        <translation>未安装中文字体：PDF 需打印机或阅读器自带中文字体才能显示。请安装 fonts-wqy-zenhei。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1002" />
        <source>Save slip as PDF</source>
        <translation>送货单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1002" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1008" />
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1010" />
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Prompt</name>
    <message>
        <location filename="../warehouse.py" line="847" />
        <source>(Enter: confirm, Esc: back)</source>
        <translation>（回车确认，Esc 返回）</translation>
    </message>
</context>
<context>
    <name>SlipListPage</name>
    <message>
        <location filename="../warehouse.py" line="322" />
        <source>Scan a slip, or search number, customer, phone</source>
        <translation>扫送货单条码，或按单号、客户、电话搜索</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="324" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="338" />
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="339" />
        <location filename="../warehouse.py" line="357" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="340" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="341" />
        <source>Deliver on</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="342" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="343" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="344" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="359" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="361" />
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="364" />
        <source>New order (F3)</source>
        <translation>新建订单 (F3)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="368" />
        <source>Delivery slips</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="376" />
        <source>Enter: open   Up/Down: choose   F3: new customer order   F4: state</source>
        <translation>回车：打开   上/下：选择   F3：新建客户订单   F4：切换状态</translation>
    </message>
</context>
<context>
    <name>WarehouseWindow</name>
    <message>
        <location filename="../warehouse.py" line="85" />
        <source>pending</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="86" />
        <source>picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="87" />
        <source>dispatched</source>
        <translation>已发车</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="88" />
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="89" />
        <source>cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="171" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="204" />
        <location filename="../warehouse.py" line="286" />
        <source>No slip {number}</source>
        <translation>没有送货单 {number}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="240" />
        <source>NOT ON THIS SLIP: {name}. Put it aside.</source>
        <translation>不在此单上：{name}。请放回。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="243" />
        <source>TOO MANY {name}: slip asks for {ordered}, {picked} picked; this scan would add {added}. Take it off.</source>
        <translation>{name} 多了：单上 {ordered}，已拣 {picked}，这次扫码会再加 {added}。请拿下。</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="253" />
        <source>{name} {picked}/{ordered}</source>
        <translation>{name} {picked}/{ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="260" />
        <source>SHORT: {lines}</source>
        <translation>缺货：{lines}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="263" />
        <source>NOT ENOUGH IN THE WAREHOUSE: {name}, {on_hand} on hand, {wanted} to send</source>
        <translation>仓库库存不足：{name}，库存 {on_hand}，需发 {wanted}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="270" />
        <source>Unknown barcode {code}</source>
        <translation>未知条码 {code}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="272" />
        <source>Misread barcode {code}: scan it again</source>
        <translation>条码 {code} 读错了，请重扫</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="274" />
        <source>That is a payment code, not an item</source>
        <translation>这是付款码，不是商品</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="276" />
        <source>Slip {number} is {state}: not possible now</source>
        <translation>送货单 {number} {state}，现在不能这样操作</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="280" />
        <source>Customer name, phone and address are all needed</source>
        <translation>客户姓名、电话和地址都必须填写</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="282" />
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="284" />
        <source>This needs an owner's PIN</source>
        <translation>需要店主密码</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="288" />
        <source>Not accepted: {detail}</source>
        <translation>不能接受：{detail}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="289" />
        <source>Not done: {detail}</source>
        <translation>未完成：{detail}</translation>
    </message>
</context>
</TS>