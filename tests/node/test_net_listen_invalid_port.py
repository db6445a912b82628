"""Port of test-net-listen-invalid-port.js: an out-of-range port throws ERR_SOCKET_BAD_PORT in
every listen() form. Node also checks the private `_connectionKey`
('<family digit>:<address>:0'); it is checked here only where uvnet has that attribute."""
import common
import uvnet

INVALID_PORT = 4294967295  # -1 >>> 0


def test_listen_zero_then_invalid_ports():
    server = uvnet.Server()

    def on_listening():
        address = server.address()
        key = f"{address['family'][-1]}:{address['address']}:0"
        assert getattr(server, '_connectionKey', key) == key
        server.close()

    server.listen(0, on_listening)

    bad_port = {'code': 'ERR_SOCKET_BAD_PORT', 'name': 'RangeError'}
    common.throws(lambda: uvnet.Server().listen({'port': INVALID_PORT}, common.mustNotCall()),
                  **bad_port)
    common.throws(lambda: uvnet.Server().listen(INVALID_PORT, common.mustNotCall()), **bad_port)
    common.throws(lambda: uvnet.Server().listen(INVALID_PORT, '0.0.0.0', common.mustNotCall()),
                  **bad_port)
    uvnet.run()
