"""Port of test-net-listen-ipv6only.js: with ipv6Only an IPv4 connect to the port is refused."""
import common
import uvnet


def test_listen_ipv6only():
    if not common.hasIPv6:
        common.skip('no IPv6 support')
    server = uvnet.createServer()

    def on_listening():
        port = server.address()['port']
        socket = uvnet.connect({'host': '0.0.0.0', 'port': port})
        socket.on('connect', common.mustNotCall())

        def on_error(err):
            assert err.code == 'ECONNREFUSED'
            server.close()

        socket.on('error', common.mustCall(on_error))

    server.listen({'host': '::', 'port': 0, 'ipv6Only': True}, common.mustCall(on_listening))
    uvnet.run()
