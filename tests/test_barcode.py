from app.barcode import CodeKind, ScaleLayout, classify, gtin_valid, with_check_digit


def test_valid_gtins_are_plain_codes():
    for code in ("6901234567892", "96385074", "036000291452"):
        assert gtin_valid(code)
        assert classify(code).kind is CodeKind.PLAIN


def test_wrong_check_digit_on_13_12_and_8_digits_is_a_misread():
    for code in ("6901234567891", "036000291453", "96385075"):
        assert classify(code).kind is CodeKind.MISREAD


def test_codes_of_other_shapes_are_looked_up_as_they_are():
    assert classify(" ABC-123\r\n").code == "ABC-123"
    assert classify("12345").kind is CodeKind.PLAIN


def test_label_scale_code_carries_item_and_weight():
    code = with_check_digit("2" + "000123" + "01254")
    scanned = classify(code)
    assert scanned.kind is CodeKind.SCALE
    assert (scanned.item_code, scanned.weight_g) == ("000123", 1254)


def test_scale_layout_can_carry_a_price_instead():
    layout = ScaleLayout("22CCCCCPPPPPK")
    code = with_check_digit("22" + "00123" + "01590")
    scanned = classify(code, layout)
    assert (scanned.item_code, scanned.price_fen, scanned.weight_g) == ("00123", 1590, 0)
    # a code starting 2 that does not match the layout is an ordinary code
    assert classify(with_check_digit("210012301590"), layout).kind is CodeKind.PLAIN


def test_payment_codes_by_prefix_and_length():
    assert classify("134567890123456789").tender == "wechat"
    assert classify("2812345678901234").tender == "alipay"
    assert classify("6212345678901234567").tender == "unionpay"
    assert classify("1345678901234567").kind is not CodeKind.PAYMENT  # too short for WeChat
