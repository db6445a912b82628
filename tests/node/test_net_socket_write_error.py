"""Port of test-net-socket-write-error.js: write(1337) raises ERR_INVALID_ARG_TYPE and emits
no 'error'."""
import common
import uvnet


def test_write_int_raises():
    server = uvnet.createServer()

    def connect_to_server():
        def on_connect():
            client.on('error', common.mustNotCall())
            common.throws(lambda: client.write(1337), code='ERR_INVALID_ARG_TYPE',
                          name='TypeError')
            client.destroy()

        client = uvnet.createConnection(server.address()['port'], on_connect)
        client.on('close', lambda *a: server.close())

    server.listen(0, connect_to_server)
    uvnet.run()
