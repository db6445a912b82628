"""Port of test-net-dns-lookup-skip.js: an IP-literal host emits no 'lookup'."""
import common
import uvnet


def check(address_type):
    def on_connection(client):
        client.end()
        server.close()

    server = uvnet.createServer(on_connection)
    address = '127.0.0.1' if address_type == 4 else '::1'

    def on_listening():
        uvnet.connect(server.address()['port'], address).on('lookup', common.mustNotCall())

    server.listen(0, address, on_listening)


def test_lookup_skipped_for_ip():
    check(4)
    if common.hasIPv6:
        check(6)
    uvnet.run()
