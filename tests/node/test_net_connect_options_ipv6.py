"""Port of test-net-connect-options-ipv6.js: family 6 with a custom lookup connects to ::1."""
import common
import uvnet

HOST_ADDR_IPV6 = '::1'
HOSTNAME = 'dummy'


def test_connect_options_ipv6():
    if not common.hasIPv6:
        common.skip('no IPv6 support')

    def on_connection(socket):
        socket.resume()
        socket.on('end', common.mustCall())
        socket.end()

    server = uvnet.createServer({'allowHalfOpen': True}, on_connection)

    def lookup(addr, opt, cb):
        assert addr == HOSTNAME
        assert opt['family'] == 6
        cb(None, HOST_ADDR_IPV6, opt['family'])

    def try_connect():
        opts = {'host': HOSTNAME, 'port': server.address()['port'], 'family': 6,
                'allowHalfOpen': True, 'lookup': common.mustCall(lookup)}

        def on_connect():
            client.resume()

            def on_end():
                def later():
                    assert client.writable
                    client.end()
                uvnet.setTimeout(later, 10)

            client.on('end', on_end)
            client.on('close', lambda *a: server.close())

        client = uvnet.connect(opts, on_connect)

    server.listen(0, HOST_ADDR_IPV6, try_connect)
    uvnet.run()
