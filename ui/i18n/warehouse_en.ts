<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>OrderPage</name>
    <message>
        <location filename="../warehouse.py" line="1112" />
        <source>Scan or type a SKU; add *quantity, e.g. PIPE*12</source>
        <translation>Scan or type a SKU; add *quantity, e.g. PIPE*12</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1116" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1117" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1118" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1119" />
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1120" />
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1128" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1129" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1130" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1131" />
        <source>Deliver on</source>
        <translation>Deliver on</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1132" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1133" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1135" />
        <source>New customer order</source>
        <translation>New customer order</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1141" />
        <source>Enter: next field / add item   F10: save   Esc: back</source>
        <translation>Enter: next field / add item   F10: save   Esc: back</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1156" />
        <source>Customer, phone and address are needed.</source>
        <translation>Customer, phone and address are needed.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1171" />
        <source>Customer {name} found by phone.</source>
        <translation>Customer {name} found by phone.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1203" />
        <source>{name} x {qty} added.</source>
        <translation>{name} x {qty} added.</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../warehouse.py" line="490" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="491" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="492" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="493" />
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="494" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="495" />
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="496" />
        <source>Picked</source>
        <translation>Picked</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="497" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="509" />
        <source>Scan each item as it goes on the pallet</source>
        <translation>Scan each item as it goes on the pallet</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="515" />
        <source>Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   F7 delivered   F8 preview / print   F9 cancel slip   Esc back</source>
        <translation>Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   F7 delivered   F8 preview / print   F9 cancel slip   Esc back</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="562" />
        <source>Slip {number} - {state}</source>
        <translation>Slip {number} - {state}</translation>
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
        <translation>done</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="575" />
        <source>to pick</source>
        <translation>to pick</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="577" />
        <source>short {count}</source>
        <translation>short {count}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="607" />
        <location filename="../warehouse.py" line="647" />
        <source>All lines picked. F5 marks the slip picked.</source>
        <translation>All lines picked. F5 marks the slip picked.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="608" />
        <source>{count} lines to pick. Scan each item.</source>
        <translation>{count} lines to pick. Scan each item.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="609" />
        <source>Slip is {state}.</source>
        <translation>Slip is {state}.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="641" />
        <source>{name}: {picked} of {ordered}</source>
        <translation>{name}: {picked} of {ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="659" />
        <source>That is this slip's own barcode, not an item. Scan the goods.</source>
        <translation>That is this slip's own barcode, not an item. Scan the goods.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="665" />
        <source>That is slip {number} ({customer}), not an item. Scan it again to open it.</source>
        <translation>That is slip {number} ({customer}), not an item. Scan it again to open it.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="688" />
        <source>{name}: picked count cleared.</source>
        <translation>{name}: picked count cleared.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="709" />
        <source>Send it short? An owner enters a PIN and the reason.</source>
        <translation>Send it short? An owner enters a PIN and the reason.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="710" />
        <source>Owner PIN</source>
        <translation>Owner PIN</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="710" />
        <location filename="../warehouse.py" line="800" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="718" />
        <source>Slip {number} picked.</source>
        <translation>Slip {number} picked.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="735" />
        <source>Slip {number} picked short, approved by {owner}.</source>
        <translation>Slip {number} picked short, approved by {owner}.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="750" />
        <source>Slip {number} dispatched; stock has left the warehouse.</source>
        <translation>Slip {number} dispatched; stock has left the warehouse.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="756" />
        <source>Slip {number} dispatched, but the warehouse had too little of: {lines}. Count the stock.</source>
        <translation>Slip {number} dispatched, but the warehouse had too little of: {lines}. Count the stock.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="761" />
        <source>{name} {on_hand} on hand, {wanted} sent</source>
        <translation>{name} {on_hand} on hand, {wanted} sent</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="783" />
        <source>Who signed for the goods?</source>
        <translation>Who signed for the goods?</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="784" />
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="793" />
        <source>Slip {number} delivered.</source>
        <translation>Slip {number} delivered.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="800" />
        <source>Cancel this slip? Say why.</source>
        <translation>Cancel this slip? Say why.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="808" />
        <source>Slip {number} cancelled.</source>
        <translation>Slip {number} cancelled.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../warehouse.py" line="923" />
        <source>Print (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="924" />
        <source>Save PDF (Ctrl+S)</source>
        <translation>Save PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="925" />
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="931" />
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message numerus="yes">
        <location filename="../warehouse.py" line="963" />
        <source>{number}: %n page(s), font {font}</source>
        <translation><numerusform>{number}: %n page, font {font}</numerusform><numerusform>{number}: %n pages, font {font}</numerusform></translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="972" />
        <source>No Chinese font installed: the PDF relies on the printer or viewer to have one. Install fonts-wqy-zenhei.</source>
        <translation>No Chinese font installed: the PDF relies on the printer or viewer to have one. Install fonts-wqy-zenhei.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1011" />
        <source>Printing {number}...</source>
        <translation>Printing {number}...</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1016" />
        <source>{number} printed on {printer}.</source>
        <translation>{number} printed on {printer}.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1023" />
        <source>{number} not printed: {reason}</source>
        <translation>{number} not printed: {reason}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1036" />
        <source>Save slip as PDF</source>
        <translation>Save slip as PDF</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1036" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1042" />
        <source>Not saved: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1044" />
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>Prompt</name>
    <message>
        <location filename="../warehouse.py" line="855" />
        <source>(Enter: confirm, Esc: back)</source>
        <translation>(Enter: confirm, Esc: back)</translation>
    </message>
</context>
<context>
    <name>SlipListPage</name>
    <message>
        <location filename="../warehouse.py" line="330" />
        <source>Scan a slip, or search number, customer, phone</source>
        <translation>Scan a slip, or search number, customer, phone</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="332" />
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="346" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="347" />
        <location filename="../warehouse.py" line="365" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="348" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="349" />
        <source>Deliver on</source>
        <translation>Deliver on</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="350" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="351" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="352" />
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="367" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="369" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="372" />
        <source>New order (F3)</source>
        <translation>New order (F3)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="376" />
        <source>Delivery slips</source>
        <translation>Delivery slips</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="384" />
        <source>Enter: open   Up/Down: choose   F3: new customer order   F4: state</source>
        <translation>Enter: open   Up/Down: choose   F3: new customer order   F4: state</translation>
    </message>
</context>
<context>
    <name>WarehouseWindow</name>
    <message>
        <location filename="../warehouse.py" line="86" />
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="87" />
        <source>picked</source>
        <translation>picked</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="88" />
        <source>dispatched</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="89" />
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="90" />
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="179" />
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="212" />
        <location filename="../warehouse.py" line="294" />
        <source>No slip {number}</source>
        <translation>No slip {number}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="248" />
        <source>NOT ON THIS SLIP: {name}. Put it aside.</source>
        <translation>NOT ON THIS SLIP: {name}. Put it aside.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="251" />
        <source>TOO MANY {name}: slip asks for {ordered}, {picked} picked; this scan would add {added}. Take it off.</source>
        <translation>TOO MANY {name}: slip asks for {ordered}, {picked} picked; this scan would add {added}. Take it off.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="261" />
        <source>{name} {picked}/{ordered}</source>
        <translation>{name} {picked}/{ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="268" />
        <source>SHORT: {lines}</source>
        <translation>SHORT: {lines}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="271" />
        <source>NOT ENOUGH IN THE WAREHOUSE: {name}, {on_hand} on hand, {wanted} to send</source>
        <translation>NOT ENOUGH IN THE WAREHOUSE: {name}, {on_hand} on hand, {wanted} to send</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="278" />
        <source>Unknown barcode {code}</source>
        <translation>Unknown barcode {code}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="280" />
        <source>Misread barcode {code}: scan it again</source>
        <translation>Misread barcode {code}: scan it again</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="282" />
        <source>That is a payment code, not an item</source>
        <translation>That is a payment code, not an item</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="284" />
        <source>Slip {number} is {state}: not possible now</source>
        <translation>Slip {number} is {state}: not possible now</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="288" />
        <source>Customer name, phone and address are all needed</source>
        <translation>Customer name, phone and address are all needed</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="290" />
        <source>Wrong PIN</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="292" />
        <source>This needs an owner's PIN</source>
        <translation>This needs an owner's PIN</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="296" />
        <source>Not accepted: {detail}</source>
        <translation>Not accepted: {detail}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="297" />
        <source>Not done: {detail}</source>
        <translation>Not done: {detail}</translation>
    </message>
</context>
</TS>