"""Port of test-net-server-pause-on-connect.js: with pauseOnConnect no data is read until
resume()."""
import common
import uvnet

MSG = 'test'


def test_pause_on_connect():
    state = {'stopped': True, 'sock1': None}

    def server1_conn_handler(socket):
        def on_data(data):
            if state['stopped']:
                raise AssertionError('data event should not have happened yet')
            assert data.decode() == MSG
            socket.end()
            server1.close()

        socket.on('data', on_data)
        state['sock1'] = socket

    server1 = uvnet.createServer({'pauseOnConnect': True}, server1_conn_handler)

    def server2_conn_handler(socket):
        def on_data(data):
            assert data.decode() == MSG
            socket.end()
            server2.close()
            assert state['sock1'].bytesRead == 0
            state['sock1'].resume()
            state['stopped'] = False

        socket.on('data', on_data)

    server2 = uvnet.createServer({'pauseOnConnect': False}, server2_conn_handler)

    def on_listening1():
        def client_handler(*err):
            server2.listen(0, lambda: uvnet.createConnection(
                {'port': server2.address()['port']}).write(MSG))

        uvnet.createConnection({'port': server1.address()['port']}).write(
            MSG, common.mustCall(client_handler))

    server1.listen(0, on_listening1)
    uvnet.run()
    assert state['stopped'] is False
