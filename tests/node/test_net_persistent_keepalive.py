"""Port of test-net-persistent-keepalive.js: setKeepAlive() before connect returns the
socket and the connection stays open."""
import uvnet


def test_persistent_keepalive():
    conns = {}
    checked = []

    def on_connection(connection):
        conns['server'] = connection

        def check():
            assert conns['server'].readyState == 'open'
            assert conns['client'].readyState == 'open'
            conns['server'].end()
            conns['client'].end()
            echo_server.close()
            checked.append(True)

        uvnet.setTimeout(check, 600)
        connection.setTimeout(0)
        assert callable(connection.setKeepAlive)
        connection.on('end', lambda: connection.end())

    echo_server = uvnet.createServer(on_connection)
    echo_server.listen(0)

    def on_listening():
        conns['client'] = uvnet.Socket()
        s = conns['client'].setKeepAlive(True, 400)
        assert isinstance(s, uvnet.Socket)
        conns['client'].connect(echo_server.address()['port'])
        conns['client'].setTimeout(0)

    echo_server.on('listening', on_listening)
    uvnet.run()
    assert checked == [True]
