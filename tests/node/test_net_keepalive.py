"""Port of test-net-keepalive.js: setKeepAlive(True) with setTimeout(0) keeps both ends open."""
import common
import uvnet


def test_keepalive():
    conns = {}

    def on_connection(connection):
        conns['server'] = connection

        def check():
            assert conns['server'].readyState == 'open'
            assert conns['client'].readyState == 'open'
            conns['server'].end()
            conns['client'].end()
            echo_server.close()

        uvnet.setTimeout(common.mustCall(check, 1), common.platformTimeout(100))
        connection.setTimeout(0)
        assert connection.setKeepAlive is not None
        connection.setKeepAlive(True, common.platformTimeout(50))
        connection.on('end', lambda: connection.end())

    echo_server = uvnet.createServer(on_connection)
    echo_server.listen(0)

    def on_listening():
        conns['client'] = uvnet.createConnection(echo_server.address()['port'])
        conns['client'].setTimeout(0)

    echo_server.on('listening', on_listening)
    uvnet.run()
