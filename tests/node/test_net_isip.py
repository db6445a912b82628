"""Port of test-net-isip.js: the net.isIP / isIPv4 / isIPv6 tables. Node coerces the argument
to a string (`{toString() {...}}`); the Python port passes an object with __str__."""
import uvnet


class Str:
    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


IS_IP = [
    ('127.0.0.1', 4),
    ('x127.0.0.1', 0),
    ('example.com', 0),
    ('0000:0000:0000:0000:0000:0000:0000:0000', 6),
    ('0000:0000:0000:0000:0000:0000:0000:0000::0000', 0),
    ('1050:0:0:0:5:600:300c:326b', 6),
    ('2001:252:0:1::2008:6', 6),
    ('2001:dead:beef:1::2008:6', 6),
    ('2001::', 6),
    ('2001:dead::', 6),
    ('2001:dead:beef::', 6),
    ('2001:dead:beef:1::', 6),
    ('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 6),
    (':2001:252:0:1::2008:6:', 0),
    (':2001:252:0:1::2008:6', 0),
    ('2001:252:0:1::2008:6:', 0),
    ('2001:252::1::2008:6', 0),
    ('::2001:252:1:2008:6', 6),
    ('::2001:252:1:1.1.1.1', 6),
    ('::2001:252:1:255.255.255.255', 6),
    ('::2001:252:1:255.255.255.255.76', 0),
    ('fe80::2008%eth0', 6),
    ('fe80::2008%eth0.0', 6),
    ('fe80::2008%eth0@1', 0),
    ('::anything', 0),
    ('::1', 6),
    ('::', 6),
    ('0000:0000:0000:0000:0000:0000:12345:0000', 0),
    ('0', 0),
    (None, 0),
    ('', 0),
    (123, 0),
    (True, 0),
    ({}, 0),
    (Str('::2001:252:1:255.255.255.255'), 6),
    (Str('127.0.0.1'), 4),
    (Str('bla'), 0),
]


def test_isip():
    for value, expected in IS_IP:
        assert uvnet.isIP(value) == expected, value
        assert not isinstance(uvnet.isIP(value), bool)
    assert uvnet.isIP() == 0


def test_isipv4():
    for value, expected in [('127.0.0.1', True), ('example.com', False),
                            ('2001:252:0:1::2008:6', False), (None, False), ('', False),
                            (123, False), (True, False), ({}, False),
                            (Str('::2001:252:1:255.255.255.255'), False),
                            (Str('127.0.0.1'), True), (Str('bla'), False)]:
        assert uvnet.isIPv4(value) is expected, value
    assert uvnet.isIPv4() is False


def test_isipv6():
    for value, expected in [('127.0.0.1', False), ('example.com', False),
                            ('2001:252:0:1::2008:6', True), (None, False), ('', False),
                            (123, False), (True, False), ({}, False),
                            (Str('::2001:252:1:255.255.255.255'), True),
                            (Str('127.0.0.1'), False), (Str('bla'), False)]:
        assert uvnet.isIPv6(value) is expected, value
    assert uvnet.isIPv6() is False
