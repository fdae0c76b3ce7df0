<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>OrderPage</name>
    <message>
        <location filename="../warehouse.py" line="1061" />
        <source>Scan or type a SKU; add *quantity, e.g. PIPE*12</source>
        <translation>Scan or type a SKU; add *quantity, e.g. PIPE*12</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1065" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1066" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1067" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1068" />
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1069" />
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1077" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1078" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1079" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1080" />
        <source>Deliver on</source>
        <translation>Deliver on</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1081" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1082" />
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1084" />
        <source>New customer order</source>
        <translation>New customer order</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1090" />
        <source>Enter: next field / add item   F10: save   Esc: back</source>
        <translation>Enter: next field / add item   F10: save   Esc: back</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1105" />
        <source>Customer, phone and address are needed.</source>
        <translation>Customer, phone and address are needed.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1120" />
        <source>Customer {name} found by phone.</source>
        <translation>Customer {name} found by phone.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1152" />
        <source>{name} x {qty} added.</source>
        <translation>{name} x {qty} added.</translation>
    </message>
</context>
<context>
    <name>PickPage</name>
    <message>
        <location filename="../warehouse.py" line="482" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="483" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="484" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="485" />
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="486" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="487" />
        <source>Ordered</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="488" />
        <source>Picked</source>
        <translation>Picked</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="489" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="501" />
        <source>Scan each item as it goes on the pallet</source>
        <translation>Scan each item as it goes on the pallet</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="507" />
        <source>Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   F7 delivered   F8 preview / print   F9 cancel slip   Esc back</source>
        <translation>Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   F7 delivered   F8 preview / print   F9 cancel slip   Esc back</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="554" />
        <source>Slip {number} - {state}</source>
        <translation>Slip {number} - {state}</translation>
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
        <translation>done</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="567" />
        <source>to pick</source>
        <translation>to pick</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="569" />
        <source>short {count}</source>
        <translation>short {count}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="599" />
        <location filename="../warehouse.py" line="639" />
        <source>All lines picked. F5 marks the slip picked.</source>
        <translation>All lines picked. F5 marks the slip picked.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="600" />
        <source>{count} lines to pick. Scan each item.</source>
        <translation>{count} lines to pick. Scan each item.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="601" />
        <source>Slip is {state}.</source>
        <translation>Slip is {state}.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="633" />
        <source>{name}: {picked} of {ordered}</source>
        <translation>{name}: {picked} of {ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="651" />
        <source>That is this slip's own barcode, not an item. Scan the goods.</source>
        <translation>That is this slip's own barcode, not an item. Scan the goods.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="657" />
        <source>That is slip {number} ({customer}), not an item. Scan it again to open it.</source>
        <translation>That is slip {number} ({customer}), not an item. Scan it again to open it.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="680" />
        <source>{name}: picked count cleared.</source>
        <translation>{name}: picked count cleared.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="701" />
        <source>Send it short? An owner enters a PIN and the reason.</source>
        <translation>Send it short? An owner enters a PIN and the reason.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="702" />
        <source>Owner PIN</source>
        <translation>Owner PIN</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="702" />
        <location filename="../warehouse.py" line="792" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="710" />
        <source>Slip {number} picked.</source>
        <translation>Slip {number} picked.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="727" />
        <source>Slip {number} picked short, approved by {owner}.</source>
        <translation>Slip {number} picked short, approved by {owner}.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="742" />
        <source>Slip {number} dispatched; stock has left the warehouse.</source>
        <translation>Slip {number} dispatched; stock has left the warehouse.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="748" />
        <source>Slip {number} dispatched, but the warehouse had too little of: {lines}. Count the stock.</source>
        <translation>Slip {number} dispatched, but the warehouse had too little of: {lines}. Count the stock.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="753" />
        <source>{name} {on_hand} on hand, {wanted} sent</source>
        <translation>{name} {on_hand} on hand, {wanted} sent</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="775" />
        <source>Who signed for the goods?</source>
        <translation>Who signed for the goods?</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="776" />
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="785" />
        <source>Slip {number} delivered.</source>
        <translation>Slip {number} delivered.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="792" />
        <source>Cancel this slip? Say why.</source>
        <translation>Cancel this slip? Say why.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="800" />
        <source>Slip {number} cancelled.</source>
        <translation>Slip {number} cancelled.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../warehouse.py" line="915" />
        <source>Print (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="916" />
        <source>Save PDF (Ctrl+S)</source>
        <translation>Save PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="917" />
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="923" />
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message numerus="yes">
        <location filename="../warehouse.py" line="955" />
        <source>{number}: %n page(s), font {font}</source>
        <translation><numerusform>{number}: %n page, font {font}</numerusform><numerusform>{number}: %n pages, font {font}</numerusform></translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="964" />
        <source>No Chinese font installed: the PDF relies on the printer or viewer to have one. Install fonts-wqy-zenhei.</source>
        <translation>No Chinese font installed: the PDF relies on the printer or viewer to have one. Install fonts-wqy-zenhei.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1002" />
        <source>Save slip as PDF</source>
        <translation>Save slip as PDF</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1002" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1008" />
        <source>Not saved: {reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="1010" />
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>Prompt</name>
    <message>
        <location filename="../warehouse.py" line="847" />
        <source>(Enter: confirm, Esc: back)</source>
        <translation>(Enter: confirm, Esc: back)</translation>
    </message>
</context>
<context>
    <name>SlipListPage</name>
    <message>
        <location filename="../warehouse.py" line="322" />
        <source>Scan a slip, or search number, customer, phone</source>
        <translation>Scan a slip, or search number, customer, phone</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="324" />
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="338" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="339" />
        <location filename="../warehouse.py" line="357" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="340" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="341" />
        <source>Deliver on</source>
        <translation>Deliver on</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="342" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="343" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="344" />
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="359" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="361" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="364" />
        <source>New order (F3)</source>
        <translation>New order (F3)</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="368" />
        <source>Delivery slips</source>
        <translation>Delivery slips</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="376" />
        <source>Enter: open   Up/Down: choose   F3: new customer order   F4: state</source>
        <translation>Enter: open   Up/Down: choose   F3: new customer order   F4: state</translation>
    </message>
</context>
<context>
    <name>WarehouseWindow</name>
    <message>
        <location filename="../warehouse.py" line="85" />
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="86" />
        <source>picked</source>
        <translation>picked</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="87" />
        <source>dispatched</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="88" />
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="89" />
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="171" />
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="204" />
        <location filename="../warehouse.py" line="286" />
        <source>No slip {number}</source>
        <translation>No slip {number}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="240" />
        <source>NOT ON THIS SLIP: {name}. Put it aside.</source>
        <translation>NOT ON THIS SLIP: {name}. Put it aside.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="243" />
        <source>TOO MANY {name}: slip asks for {ordered}, {picked} picked; this scan would add {added}. Take it off.</source>
        <translation>TOO MANY {name}: slip asks for {ordered}, {picked} picked; this scan would add {added}. Take it off.</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="253" />
        <source>{name} {picked}/{ordered}</source>
        <translation>{name} {picked}/{ordered}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="260" />
        <source>SHORT: {lines}</source>
        <translation>SHORT: {lines}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="263" />
        <source>NOT ENOUGH IN THE WAREHOUSE: {name}, {on_hand} on hand, {wanted} to send</source>
        <translation>NOT ENOUGH IN THE WAREHOUSE: {name}, {on_hand} on hand, {wanted} to send</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="270" />
        <source>Unknown barcode {code}</source>
        <translation>Unknown barcode {code}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="272" />
        <source>Misread barcode {code}: scan it again</source>
        <translation>Misread barcode {code}: scan it again</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="274" />
        <source>That is a payment code, not an item</source>
        <translation>That is a payment code, not an item</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="276" />
        <source>Slip {number} is {state}: not possible now</source>
        <translation>Slip {number} is {state}: not possible now</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="280" />
        <source>Customer name, phone and address are all needed</source>
        <translation>Customer name, phone and address are all needed</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="282" />
        <source>Wrong PIN</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="284" />
        <source>This needs an owner's PIN</source>
        <translation>This needs an owner's PIN</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="288" />
        <source>Not accepted: {detail}</source>
        <translation>Not accepted: {detail}</translation>
    </message>
    <message>
        <location filename="../warehouse.py" line="289" />
        <source>Not done: {detail}</source>
        <translation>Not done: {detail}</translation>
    </message>
</context>
</TS>