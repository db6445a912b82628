"""Port of test-net-dns-custom-lookup.js: a custom lookup gets the family and its answer is
reported by 'lookup'; an undefined address is ERR_INVALID_IP_ADDRESS."""
import common
import uvnet


def check(address_type, cb=None):
    def on_connection(client):
        client.end()
        server.close()
        if cb:
            cb()

    server = uvnet.createServer(on_connection)
    address = common.localhostIPv4 if address_type == 4 else '::1'

    def lookup(host, dnsopts, callback):
        dnsopts['family'] = address_type
        if dnsopts.get('all'):
            uvnet.nextTick(callback, None, [{'address': address, 'family': address_type}])
        else:
            uvnet.nextTick(callback, None, address, address_type)

    def on_lookup(err, ip, type, *rest):
        assert err is None
        assert ip == address
        assert type == address_type

    def on_listening():
        uvnet.connect({'port': server.address()['port'], 'host': 'localhost',
                       'family': address_type, 'lookup': lookup}
                      ).on('lookup', common.mustCall(on_lookup))

    server.listen(0, address, common.mustCall(on_listening))


def test_custom_lookup():
    check(4, lambda: common.hasIPv6 and check(6))
    uvnet.run()


def test_undefined_address():
    def lookup(host, dnsopts, cb):
        if dnsopts.get('all'):
            cb(None, [{'address': None, 'family': 4}])
        else:
            cb(None, None, 4)

    uvnet.connect({'host': 'localhost', 'port': 80, 'lookup': lookup}).on(
        'error', common.expectsError(code='ERR_INVALID_IP_ADDRESS'))
    uvnet.run()
