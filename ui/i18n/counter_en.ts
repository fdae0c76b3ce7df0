<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../dialogs.py" line="321"/>
        <source>Please confirm</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="328"/>
        <source>Yes (Enter)</source>
        <translation>Yes (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="330"/>
        <source>No (Esc)</source>
        <translation>No (Esc)</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../customer.py" line="23"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../customer.py" line="27"/>
        <source>Phone, name, or scan the member card</source>
        <translation>Phone, name, or scan the member card</translation>
    </message>
    <message>
        <location filename="../customer.py" line="42"/>
        <source>Put on ticket  [Enter]</source>
        <translation>Put on ticket  [Enter]</translation>
    </message>
    <message>
        <location filename="../customer.py" line="44"/>
        <source>Repeat selected order  [F4]</source>
        <translation>Repeat selected order  [F4]</translation>
    </message>
    <message>
        <location filename="../customer.py" line="46"/>
        <source>No customer  [F9]</source>
        <translation>No customer  [F9]</translation>
    </message>
    <message>
        <location filename="../customer.py" line="95"/>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <location filename="../customer.py" line="105"/>
        <source>No orders yet</source>
        <translation>No orders yet</translation>
    </message>
    <message>
        <location filename="../customer.py" line="151"/>
        <source>Choose a customer and one of their orders</source>
        <translation>Choose a customer and one of their orders</translation>
    </message>
</context>
<context>
    <name>DayEndDialog</name>
    <message>
        <location filename="../day_end.py" line="64"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="69"/>
        <source>Sync this till and see every till&apos;s day on the server.</source>
        <translation>Sync this till and see every till&apos;s day on the server.</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="72"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="73"/>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="74"/>
        <source>Unsynced</source>
        <translation>Unsynced</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="75"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="76"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="82"/>
        <source>Sync and close the day</source>
        <translation>Sync and close the day</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="90"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="100"/>
        <source>an unexpected error, written to the log</source>
        <translation>an unexpected error, written to the log</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="118"/>
        <source>Day {day}: this till sent {sent}; {left} left unsent.</source>
        <translation>Day {day}: this till sent {sent}; {left} left unsent.</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="122"/>
        <source>{n} refused changes need a look.</source>
        <translation>{n} refused changes need a look.</translation>
    </message>
    <message>
        <location filename="../day_end.py" line="128"/>
        <source>The day could not be closed: {reason}</source>
        <translation>The day could not be closed: {reason}</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../device_settings.py" line="54"/>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="64"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="64"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="64"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="93"/>
        <source>Tests use the settings in config.toml.</source>
        <translation>Tests use the settings in config.toml.</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="107"/>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="108"/>
        <source>Cash drawer</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="109"/>
        <source>Serial scanner</source>
        <translation>Serial scanner</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="110"/>
        <source>Customer display</source>
        <translation>Customer display</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="111"/>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="116"/>
        <source>Print test receipt</source>
        <translation>Print test receipt</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="117"/>
        <source>Open drawer</source>
        <translation>Open drawer</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="118"/>
        <source>Reconnect</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="119"/>
        <source>Show text</source>
        <translation>Show text</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="120"/>
        <source>Read weight</source>
        <translation>Read weight</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="139"/>
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="139"/>
        <source>not ready</source>
        <translation>not ready</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="153"/>
        <source>opening the drawer is audited: no store</source>
        <translation>opening the drawer is audited: no store</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="165"/>
        <source>testing…</source>
        <translation>testing…</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="185"/>
        <source>drawer kicked</source>
        <translation>drawer kicked</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="205"/>
        <source>test receipt sent; printer {state}</source>
        <translation>test receipt sent; printer {state}</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="206"/>
        <source>status not reported</source>
        <translation>status not reported</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="215"/>
        <source>text sent to the display</source>
        <translation>text sent to the display</translation>
    </message>
    <message>
        <location filename="../device_settings.py" line="222"/>
        <source>stable weight: {grams} g</source>
        <translation>stable weight: {grams} g</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <location filename="../widgets.py" line="114"/>
        <source>Close [Esc]</source>
        <translation>Close [Esc]</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../dialogs.py" line="143"/>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="144"/>
        <source>Discount on: {name}</source>
        <translation>Discount on: {name}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="146"/>
        <source>Percent off</source>
        <translation>Percent off</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="147"/>
        <source>Amount off (¥)</source>
        <translation>Amount off (¥)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="148"/>
        <source>Percent off the whole ticket</source>
        <translation>Percent off the whole ticket</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="156"/>
        <source>e.g. 10</source>
        <translation>e.g. 10</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="162"/>
        <source>Remove discount</source>
        <translation>Remove discount</translation>
    </message>
</context>
<context>
    <name>HeldDialog</name>
    <message>
        <location filename="../dialogs.py" line="226"/>
        <source>Held tickets</source>
        <translation>Held tickets</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="227"/>
        <source>Choose a ticket and press Enter to resume it</source>
        <translation>Choose a ticket and press Enter to resume it</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="230"/>
        <source>#{id}  {lines} lines  {total}  held at {time}</source>
        <translation>#{id}  {lines} lines  {total}  held at {time}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="242"/>
        <source>No tickets are on hold</source>
        <translation>No tickets are on hold</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="246"/>
        <source>Resume (Enter)</source>
        <translation>Resume (Enter)</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../login.py" line="78"/>
        <source>Till {code}</source>
        <translation>Till {code}</translation>
    </message>
    <message>
        <location filename="../login.py" line="79"/>
        <location filename="../login.py" line="144"/>
        <source>Type your PIN and press Enter</source>
        <translation>Type your PIN and press Enter</translation>
    </message>
    <message>
        <location filename="../login.py" line="90"/>
        <source>No users yet. The owner adds one with: tillbook user add NAME --role owner --pin PIN</source>
        <translation>No users yet. The owner adds one with: tillbook user add NAME --role owner --pin PIN</translation>
    </message>
    <message>
        <location filename="../login.py" line="108"/>
        <location filename="../login.py" line="146"/>
        <source>Wait {seconds} s</source>
        <translation>Wait {seconds} s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="97"/>
        <source>Tillbook till</source>
        <translation>Tillbook till</translation>
    </message>
    <message>
        <location filename="../window.py" line="100"/>
        <source>{shop} · till {till}</source>
        <translation>{shop} · till {till}</translation>
    </message>
    <message>
        <location filename="../window.py" line="104"/>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../window.py" line="106"/>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../window.py" line="157"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../window.py" line="157"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../window.py" line="158"/>
        <source>Sync: {state}, {count} not uploaded</source>
        <translation>Sync: {state}, {count} not uploaded</translation>
    </message>
    <message>
        <location filename="../window.py" line="163"/>
        <source>, last {time}</source>
        <translation>, last {time}</translation>
    </message>
    <message>
        <location filename="../window.py" line="167"/>
        <source>Sync: not running, {count} not uploaded</source>
        <translation>Sync: not running, {count} not uploaded</translation>
    </message>
    <message>
        <location filename="../window.py" line="172"/>
        <source>Sync: starting…</source>
        <translation>Sync: starting…</translation>
    </message>
    <message>
        <location filename="../window.py" line="175"/>
        <location filename="../window.py" line="195"/>
        <source>Printer: not checked yet</source>
        <translation>Printer: not checked yet</translation>
    </message>
    <message>
        <location filename="../window.py" line="182"/>
        <source>{printer}, receipts not printed: {count} (Ctrl+P)</source>
        <translation>{printer}, receipts not printed: {count} (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../window.py" line="188"/>
        <source>Customer display: not connected</source>
        <translation>Customer display: not connected</translation>
    </message>
    <message>
        <location filename="../window.py" line="193"/>
        <source>Printer: no printer</source>
        <translation>Printer: no printer</translation>
    </message>
    <message>
        <location filename="../window.py" line="194"/>
        <source>Printer: address in settings is wrong</source>
        <translation>Printer: address in settings is wrong</translation>
    </message>
    <message>
        <location filename="../window.py" line="196"/>
        <source>Printer: connected, cannot report its state</source>
        <translation>Printer: connected, cannot report its state</translation>
    </message>
    <message>
        <location filename="../window.py" line="197"/>
        <source>Printer: ready</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <location filename="../window.py" line="177"/>
        <source>Printer: not available</source>
        <translation>Printer: not available</translation>
    </message>
    <message>
        <location filename="../window.py" line="179"/>
        <source>Printer: starting…</source>
        <translation>Printer: starting…</translation>
    </message>
    <message>
        <location filename="../window.py" line="198"/>
        <source>Printer: ready, paper low</source>
        <translation>Printer: ready, paper low</translation>
    </message>
    <message>
        <location filename="../window.py" line="199"/>
        <source>Printer: out of paper</source>
        <translation>Printer: out of paper</translation>
    </message>
    <message>
        <location filename="../window.py" line="200"/>
        <source>Printer: cover open</source>
        <translation>Printer: cover open</translation>
    </message>
    <message>
        <location filename="../window.py" line="201"/>
        <source>Printer: offline</source>
        <translation>Printer: offline</translation>
    </message>
    <message>
        <location filename="../window.py" line="202"/>
        <source>Printer: not reachable</source>
        <translation>Printer: not reachable</translation>
    </message>
    <message>
        <location filename="../window.py" line="274"/>
        <source>open when the till closed</source>
        <translation>open when the till closed</translation>
    </message>
    <message>
        <location filename="../window.py" line="299"/>
        <source>Log in first, then scan</source>
        <translation>Log in first, then scan</translation>
    </message>
    <message>
        <location filename="../window.py" line="323"/>
        <source>The devices are still starting; try again</source>
        <translation>The devices are still starting; try again</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../messages.py" line="37"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location filename="../messages.py" line="41"/>
        <source>UnionPay</source>
        <translation>UnionPay</translation>
    </message>
    <message>
        <location filename="../messages.py" line="42"/>
        <source>On account</source>
        <translation>On account</translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <source>A price change</source>
        <translation>A price change</translation>
    </message>
    <message>
        <location filename="../messages.py" line="50"/>
        <source>A return without a receipt</source>
        <translation>A return without a receipt</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>Selling below cost</source>
        <translation>Selling below cost</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>Changing settings</source>
        <translation>Changing settings</translation>
    </message>
    <message>
        <location filename="../messages.py" line="53"/>
        <source>A large discount</source>
        <translation>A large discount</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>This action</source>
        <translation>This action</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60"/>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <location filename="../messages.py" line="61"/>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>The till could not read or save its data. Please tell the owner.</source>
        <translation>The till could not read or save its data. Please tell the owner.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76"/>
        <source>Sorry, something went wrong. It has been logged; please try again.</source>
        <translation>Sorry, something went wrong. It has been logged; please try again.</translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>The scale is not steady yet: wait a moment and try again</source>
        <translation>The scale is not steady yet: wait a moment and try again</translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>Too heavy for the scale</source>
        <translation>Too heavy for the scale</translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>The scale reads below zero: zero it and try again</source>
        <translation>The scale reads below zero: zero it and try again</translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>The scale&apos;s answer could not be read: try again</source>
        <translation>The scale&apos;s answer could not be read: try again</translation>
    </message>
    <message>
        <location filename="../messages.py" line="96"/>
        <source>The scale is not connected</source>
        <translation>The scale is not connected</translation>
    </message>
    <message>
        <location filename="../messages.py" line="98"/>
        <source>Unknown barcode {code}</source>
        <translation>Unknown barcode {code}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="100"/>
        <source>Barcode {code} was misread: please scan it again</source>
        <translation>Barcode {code} was misread: please scan it again</translation>
    </message>
    <message>
        <location filename="../messages.py" line="104"/>
        <source>That is a payment code: press F12 to pay, then scan it</source>
        <translation>That is a payment code: press F12 to pay, then scan it</translation>
    </message>
    <message>
        <location filename="../messages.py" line="106"/>
        <source>{name} is not for sale</source>
        <translation>{name} is not for sale</translation>
    </message>
    <message>
        <location filename="../messages.py" line="108"/>
        <source>{name} has no valid price</source>
        <translation>{name} has no valid price</translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>That quantity is not valid</source>
        <translation>That quantity is not valid</translation>
    </message>
    <message>
        <location filename="../messages.py" line="114"/>
        <source>Choose a line on the ticket first</source>
        <translation>Choose a line on the ticket first</translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>Only {qty} of {name} in stock</source>
        <translation>Only {qty} of {name} in stock</translation>
    </message>
    <message>
        <location filename="../messages.py" line="120"/>
        <source>{amount} still to pay</source>
        <translation>{amount} still to pay</translation>
    </message>
    <message>
        <location filename="../messages.py" line="124"/>
        <source>The ticket is empty</source>
        <translation>The ticket is empty</translation>
    </message>
    <message>
        <location filename="../messages.py" line="126"/>
        <source>Card or phone payments are {amount} more than is due: remove one (F9)</source>
        <translation>Card or phone payments are {amount} more than is due: remove one (F9)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="131"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../messages.py" line="132"/>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../messages.py" line="133"/>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../messages.py" line="136"/>
        <source>To deliver, the customer needs a {missing}</source>
        <translation>To deliver, the customer needs a {missing}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="140"/>
        <source>{name} has only {amount} of credit left</source>
        <translation>{name} has only {amount} of credit left</translation>
    </message>
    <message>
        <location filename="../messages.py" line="145"/>
        <source>{tender} cannot pay more than {amount}</source>
        <translation>{tender} cannot pay more than {amount}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="150"/>
        <source>Remove the on-account payment before changing the customer</source>
        <translation>Remove the on-account payment before changing the customer</translation>
    </message>
    <message>
        <location filename="../messages.py" line="154"/>
        <source>On account needs a customer on the ticket (F3)</source>
        <translation>On account needs a customer on the ticket (F3)</translation>
    </message>
    <message>
        <location filename="../messages.py" line="155"/>
        <source>That way of paying is not accepted</source>
        <translation>That way of paying is not accepted</translation>
    </message>
    <message>
        <location filename="../messages.py" line="157"/>
        <source>This ticket is closed; start a new one</source>
        <translation>This ticket is closed; start a new one</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159"/>
        <source>No sale with receipt number {receipt_no}</source>
        <translation>No sale with receipt number {receipt_no}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="163"/>
        <source>{receipt_no} waits for delivery on slip {slip}: cancel the slip first</source>
        <translation>{receipt_no} waits for delivery on slip {slip}: cancel the slip first</translation>
    </message>
    <message>
        <location filename="../messages.py" line="168"/>
        <source>At most {qty} of {name} can come back</source>
        <translation>At most {qty} of {name} can come back</translation>
    </message>
    <message>
        <location filename="../messages.py" line="172"/>
        <source>{qty} × {name}: is that right?</source>
        <translation>{qty} × {name}: is that right?</translation>
    </message>
    <message>
        <location filename="../messages.py" line="176"/>
        <source>{action} needs the {role}&apos;s PIN</source>
        <translation>{action} needs the {role}&apos;s PIN</translation>
    </message>
    <message>
        <location filename="../messages.py" line="181"/>
        <source>Too many wrong PINs: wait {seconds} s</source>
        <translation>Too many wrong PINs: wait {seconds} s</translation>
    </message>
    <message>
        <location filename="../messages.py" line="187"/>
        <source>Wrong PIN. Wait {seconds} s before the next try</source>
        <translation>Wrong PIN. Wait {seconds} s before the next try</translation>
    </message>
    <message>
        <location filename="../messages.py" line="190"/>
        <source>Wrong PIN</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location filename="../messages.py" line="192"/>
        <source>Another user already has that PIN</source>
        <translation>Another user already has that PIN</translation>
    </message>
    <message>
        <location filename="../messages.py" line="195"/>
        <source>Not valid: {value}</source>
        <translation>Not valid: {value}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="196"/>
        <source>That entry is not valid</source>
        <translation>That entry is not valid</translation>
    </message>
    <message>
        <location filename="../messages.py" line="198"/>
        <source>That cannot be done: {code}</source>
        <translation>That cannot be done: {code}</translation>
    </message>
    <message>
        <location filename="../messages.py" line="209"/>
        <source>Waiting for its turn</source>
        <translation>Waiting for its turn</translation>
    </message>
    <message>
        <location filename="../messages.py" line="210"/>
        <source>Printing now</source>
        <translation>Printing now</translation>
    </message>
    <message>
        <location filename="../messages.py" line="211"/>
        <source>Paper ran out while printing: it may be incomplete</source>
        <translation>Paper ran out while printing: it may be incomplete</translation>
    </message>
    <message>
        <location filename="../messages.py" line="214"/>
        <source>Interrupted while printing: check the paper</source>
        <translation>Interrupted while printing: check the paper</translation>
    </message>
    <message>
        <location filename="../messages.py" line="215"/>
        <source>Connection lost while printing: check the paper</source>
        <translation>Connection lost while printing: check the paper</translation>
    </message>
    <message>
        <location filename="../messages.py" line="218"/>
        <source>The receipt could not be laid out</source>
        <translation>The receipt could not be laid out</translation>
    </message>
    <message>
        <location filename="../messages.py" line="219"/>
        <source>The system print queue refused it</source>
        <translation>The system print queue refused it</translation>
    </message>
    <message>
        <location filename="../messages.py" line="220"/>
        <source>Printer cover open</source>
        <translation>Printer cover open</translation>
    </message>
    <message>
        <location filename="../messages.py" line="221"/>
        <source>Printer out of paper</source>
        <translation>Printer out of paper</translation>
    </message>
    <message>
        <location filename="../messages.py" line="222"/>
        <source>Printer offline</source>
        <translation>Printer offline</translation>
    </message>
    <message>
        <location filename="../messages.py" line="223"/>
        <source>Printer not reachable</source>
        <translation>Printer not reachable</translation>
    </message>
    <message>
        <location filename="../messages.py" line="225"/>
        <source>An unexpected printer error</source>
        <translation>An unexpected printer error</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <location filename="../pay.py" line="43"/>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../pay.py" line="53"/>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../pay.py" line="62"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../pay.py" line="72"/>
        <source>Amount received (empty = exact)</source>
        <translation>Amount received (empty = exact)</translation>
    </message>
    <message>
        <location filename="../pay.py" line="75"/>
        <source>Type the cash handed over, or scan a payment code</source>
        <translation>Type the cash handed over, or scan a payment code</translation>
    </message>
    <message>
        <location filename="../pay.py" line="86"/>
        <source>Cash  [Enter]</source>
        <translation>Cash  [Enter]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="96"/>
        <source>Deliver to the customer (delivery slip)  [F10]</source>
        <translation>Deliver to the customer (delivery slip)  [F10]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="102"/>
        <source>Remove last payment  [F9]</source>
        <translation>Remove last payment  [F9]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="105"/>
        <source>Back to ticket  [Esc]</source>
        <translation>Back to ticket  [Esc]</translation>
    </message>
    <message>
        <location filename="../pay.py" line="117"/>
        <source>Total {total}, paid {paid}</source>
        <translation>Total {total}, paid {paid}</translation>
    </message>
    <message>
        <location filename="../pay.py" line="197"/>
        <source>Paid. Receipt {receipt_no}</source>
        <translation>Paid. Receipt {receipt_no}</translation>
    </message>
    <message>
        <location filename="../pay.py" line="202"/>
        <source>Give the change, then Enter for the next customer</source>
        <translation>Give the change, then Enter for the next customer</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <location filename="../dialogs.py" line="46"/>
        <source>Owner approval</source>
        <translation>Owner approval</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="53"/>
        <source>Owner PIN, then Enter</source>
        <translation>Owner PIN, then Enter</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../dialogs.py" line="187"/>
        <source>Change price</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="189"/>
        <source>{name}: now {price}</source>
        <translation>{name}: now {price}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="191"/>
        <source>New unit price (¥)</source>
        <translation>New unit price (¥)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="194"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="196"/>
        <source>e.g. damaged packaging</source>
        <translation>e.g. damaged packaging</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="200"/>
        <source>Change price (Enter)</source>
        <translation>Change price (Enter)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="214"/>
        <source>Say why the price changes</source>
        <translation>Say why the price changes</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../dialogs.py" line="121"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="122"/>
        <source>New quantity of {name}</source>
        <translation>New quantity of {name}</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../dialogs.py" line="282"/>
        <source>Reprint a receipt</source>
        <translation>Reprint a receipt</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="283"/>
        <source>Receipt number (Enter for the last one)</source>
        <translation>Receipt number (Enter for the last one)</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../returns.py" line="34"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../returns.py" line="40"/>
        <source>Receipt number, or scan the receipt&apos;s barcode</source>
        <translation>Receipt number, or scan the receipt&apos;s barcode</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <location filename="../returns.py" line="115"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <source>Can return</source>
        <translation>Can return</translation>
    </message>
    <message>
        <location filename="../returns.py" line="49"/>
        <location filename="../returns.py" line="115"/>
        <source>Return now</source>
        <translation>Return now</translation>
    </message>
    <message>
        <location filename="../returns.py" line="57"/>
        <source>Refund the quantities shown  [Enter]</source>
        <translation>Refund the quantities shown  [Enter]</translation>
    </message>
    <message>
        <location filename="../returns.py" line="61"/>
        <source>No receipt  [F2]</source>
        <translation>No receipt  [F2]</translation>
    </message>
    <message>
        <location filename="../returns.py" line="112"/>
        <source>No receipt: scan each item coming back; Enter refunds them in cash</source>
        <translation>No receipt: scan each item coming back; Enter refunds them in cash</translation>
    </message>
    <message>
        <location filename="../returns.py" line="115"/>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../returns.py" line="120"/>
        <source>Barcode of an item coming back</source>
        <translation>Barcode of an item coming back</translation>
    </message>
    <message>
        <location filename="../returns.py" line="162"/>
        <source>Type or scan the receipt number; F2 if there is none</source>
        <translation>Type or scan the receipt number; F2 if there is none</translation>
    </message>
    <message>
        <location filename="../returns.py" line="176"/>
        <source>{receipt_no}, {time}, total {total}</source>
        <translation>{receipt_no}, {time}, total {total}</translation>
    </message>
    <message>
        <location filename="../returns.py" line="195"/>
        <source>Everything on this receipt has come back already</source>
        <translation>Everything on this receipt has come back already</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../search.py" line="22"/>
        <source>Find a product</source>
        <translation>Find a product</translation>
    </message>
    <message>
        <location filename="../search.py" line="27"/>
        <source>Barcode, SKU, part of the name or pinyin initials (e.g. kkkl)</source>
        <translation>Barcode, SKU, part of the name or pinyin initials (e.g. kkkl)</translation>
    </message>
    <message>
        <location filename="../search.py" line="34"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../search.py" line="34"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../search.py" line="34"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../search.py" line="48"/>
        <source>↑ ↓ choose, Enter adds, Esc closes</source>
        <translation>↑ ↓ choose, Enter adds, Esc closes</translation>
    </message>
    <message>
        <location filename="../search.py" line="81"/>
        <source>{count} found. ↑ ↓ choose, Enter adds, Esc closes</source>
        <translation>{count} found. ↑ ↓ choose, Enter adds, Esc closes</translation>
    </message>
</context>
<context>
    <name>SellingScreen</name>
    <message>
        <location filename="../selling.py" line="199"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../selling.py" line="200"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../selling.py" line="201"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../selling.py" line="202"/>
        <source>Hold / resume</source>
        <translation>Hold / resume</translation>
    </message>
    <message>
        <location filename="../selling.py" line="203"/>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../selling.py" line="204"/>
        <source>Change price</source>
        <translation>Change price</translation>
    </message>
    <message>
        <location filename="../selling.py" line="205"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../selling.py" line="206"/>
        <source>Void line</source>
        <translation>Void line</translation>
    </message>
    <message>
        <location filename="../selling.py" line="207"/>
        <source>Weigh</source>
        <translation>Weigh</translation>
    </message>
    <message>
        <location filename="../selling.py" line="208"/>
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../selling.py" line="209"/>
        <source>Not printed</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../selling.py" line="210"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../selling.py" line="211"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../selling.py" line="212"/>
        <source>Clear ticket</source>
        <translation>Clear ticket</translation>
    </message>
    <message>
        <location filename="../selling.py" line="213"/>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../selling.py" line="222"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../selling.py" line="223"/>
        <source>Scan, or type a barcode and press Enter</source>
        <translation>Scan, or type a barcode and press Enter</translation>
    </message>
    <message>
        <location filename="../selling.py" line="248"/>
        <source>{items} items, {lines} lines</source>
        <translation>{items} items, {lines} lines</translation>
    </message>
    <message>
        <location filename="../selling.py" line="257"/>
        <source>Customer: {name}</source>
        <translation>Customer: {name}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="259"/>
        <source>No customer (F3)</source>
        <translation>No customer (F3)</translation>
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
        <translation>Low stock: {name} (sold, and flagged for the owner)</translation>
    </message>
    <message>
        <location filename="../selling.py" line="456"/>
        <source>{name} {old} → {new}</source>
        <translation>{name} {old} → {new}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="463"/>
        <source>Order {receipt_no} copied</source>
        <translation>Order {receipt_no} copied</translation>
    </message>
    <message>
        <location filename="../selling.py" line="465"/>
        <source>price changed: {list}</source>
        <translation>price changed: {list}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="467"/>
        <source>not for sale now: {list}</source>
        <translation>not for sale now: {list}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="480"/>
        <source>Choose the product to weigh</source>
        <translation>Choose the product to weigh</translation>
    </message>
    <message>
        <location filename="../selling.py" line="489"/>
        <source>{name} is not sold by weight</source>
        <translation>{name} is not sold by weight</translation>
    </message>
    <message>
        <location filename="../selling.py" line="494"/>
        <source>No scale is set up on this till</source>
        <translation>No scale is set up on this till</translation>
    </message>
    <message>
        <location filename="../selling.py" line="499"/>
        <source>Weighing {name}…</source>
        <translation>Weighing {name}…</translation>
    </message>
    <message>
        <location filename="../selling.py" line="517"/>
        <source>The scale shows no weight: put {name} on it</source>
        <translation>The scale shows no weight: put {name} on it</translation>
    </message>
    <message>
        <location filename="../selling.py" line="533"/>
        <location filename="../selling.py" line="594"/>
        <location filename="../selling.py" line="615"/>
        <location filename="../selling.py" line="667"/>
        <source>The ticket is empty</source>
        <translation>The ticket is empty</translation>
    </message>
    <message>
        <location filename="../selling.py" line="567"/>
        <source>Ticket held as #{id}. F5 on an empty ticket resumes it</source>
        <translation>Ticket held as #{id}. F5 on an empty ticket resumes it</translation>
    </message>
    <message>
        <location filename="../selling.py" line="581"/>
        <source>Ticket #{id} resumed</source>
        <translation>Ticket #{id} resumed</translation>
    </message>
    <message>
        <location filename="../selling.py" line="626"/>
        <source>Price of {name} is now {price}</source>
        <translation>Price of {name} is now {price}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="643"/>
        <source>Removed: {name}</source>
        <translation>Removed: {name}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="651"/>
        <source>Clear the whole ticket ({items} items, {total})?</source>
        <translation>Clear the whole ticket ({items} items, {total})?</translation>
    </message>
    <message>
        <location filename="../selling.py" line="660"/>
        <source>Ticket cleared</source>
        <translation>Ticket cleared</translation>
    </message>
    <message>
        <location filename="../selling.py" line="677"/>
        <source>Sale {receipt_no} done: {total}</source>
        <translation>Sale {receipt_no} done: {total}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="681"/>
        <source>Change {change}</source>
        <translation>Change {change}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="698"/>
        <source>Return {receipt_no} recorded. Refund: {refund}</source>
        <translation>Return {receipt_no} recorded. Refund: {refund}</translation>
    </message>
    <message>
        <location filename="../selling.py" line="722"/>
        <location filename="../selling.py" line="744"/>
        <source>Printing is not available on this till</source>
        <translation>Printing is not available on this till</translation>
    </message>
    <message>
        <location filename="../selling.py" line="749"/>
        <source>Receipt {receipt_no} sent to the printer</source>
        <translation>Receipt {receipt_no} sent to the printer</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings.py" line="19"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../settings.py" line="20"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../settings.py" line="23"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../settings.py" line="30"/>
        <source>Saved in config.toml ([shop] language).</source>
        <translation>Saved in config.toml ([shop] language).</translation>
    </message>
    <message>
        <location filename="../settings.py" line="34"/>
        <source>Devices and printer</source>
        <translation>Devices and printer</translation>
    </message>
    <message>
        <location filename="../settings.py" line="35"/>
        <source>Sync and close the day</source>
        <translation>Sync and close the day</translation>
    </message>
    <message>
        <location filename="../settings.py" line="36"/>
        <source>Warehouse: delivery slips</source>
        <translation>Warehouse: delivery slips</translation>
    </message>
    <message>
        <location filename="../settings.py" line="42"/>
        <source>Save  [Enter]</source>
        <translation>Save  [Enter]</translation>
    </message>
</context>
<context>
    <name>TicketModel</name>
    <message>
        <location filename="../ticket_model.py" line="66"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="67"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="68"/>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="69"/>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../ticket_model.py" line="70"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>UnprintedDialog</name>
    <message>
        <location filename="../receipts.py" line="156"/>
        <source>Receipts not printed</source>
        <translation>Receipts not printed</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="163"/>
        <source>Look at the paper first: a failed receipt may have printed.</source>
        <translation>Look at the paper first: a failed receipt may have printed.</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="172"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="172"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="172"/>
        <source>Why not printed</source>
        <translation>Why not printed</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="184"/>
        <source>Every receipt has printed.</source>
        <translation>Every receipt has printed.</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="188"/>
        <source>Retry (Enter)</source>
        <translation>Retry (Enter)</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="190"/>
        <source>Skip (Del)</source>
        <translation>Skip (Del)</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="217"/>
        <source>job {id}</source>
        <translation>job {id}</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="219"/>
        <source>{receipt_no} (reprint)</source>
        <translation>{receipt_no} (reprint)</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="274"/>
        <source>{receipt_no} sent to the printer again</source>
        <translation>{receipt_no} sent to the printer again</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="282"/>
        <source>{receipt_no} skipped</source>
        <translation>{receipt_no} skipped</translation>
    </message>
    <message>
        <location filename="../receipts.py" line="294"/>
        <source>That receipt is printing now or already done</source>
        <translation>That receipt is printing now or already done</translation>
    </message>
</context>
</TS>
