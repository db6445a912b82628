"""Port of test-net-pingpong.js: 1000 PING/PONG round trips over a pipe, TCP and TCP on the
loopback, with allowHalfOpen on the server, socket.server and getConnections()."""
import common
import uvnet

N = 1000


def ping_pong_test(port, host=None):
    state = {'count': 0, 'sent_pongs': 0, 'sent_final_ping': False}

    def on_socket(socket):
        assert socket.server is server

        def on_count(connections):
            assert connections == 1

        assert server.getConnections(common.mustSucceed(on_count)) is server
        socket.setNoDelay()
        socket.timeout = 0
        socket.setEncoding('utf8')

        def on_data(data):
            assert 0 <= socket.bufferSize <= 4
            assert socket.writable is True
            assert socket.readable is True
            assert state['count'] <= N
            assert data == 'PING'

            def on_written(*err):
                state['sent_pongs'] += 1

            socket.write('PONG', common.mustCall(on_written))

        def on_end():
            assert socket.allowHalfOpen is True
            assert socket.writable is True  # because allowHalfOpen
            assert socket.readable is False
            socket.end()

        def on_close(*args):
            assert socket.writable is False
            assert socket.readable is False
            socket.server.close()

        socket.on('data', common.mustCall(on_data, N + 1))
        socket.on('end', common.mustCall(on_end))
        socket.on('error', common.mustNotCall())
        socket.on('close', common.mustCall(on_close))

    server = uvnet.createServer({'allowHalfOpen': True}, common.mustCall(on_socket))

    def on_listening():
        target = port
        address = server.address()
        if isinstance(address, dict) and address['port']:
            target = address['port']
        client = (uvnet.createConnection(target, host) if host is not None
                  else uvnet.createConnection(target))
        client.setEncoding('ascii')

        def on_connect():
            assert client.readable is True
            assert client.writable is True
            client.write('PING')

        def on_data(data):
            assert data == 'PONG'
            state['count'] += 1
            if state['sent_final_ping']:
                assert client.writable is False
                assert client.readable is True
                return
            assert client.writable is True
            assert client.readable is True
            if state['count'] < N:
                client.write('PING')
            else:
                state['sent_final_ping'] = True
                client.write('PING')
                client.end()

        def on_close(*args):
            assert state['count'] == N + 1
            assert state['sent_pongs'] == N + 1
            assert state['sent_final_ping'] is True

        client.on('connect', common.mustCall(on_connect))
        client.on('data', common.mustCall(on_data, N + 1))
        client.on('close', common.mustCall(on_close))
        client.on('error', common.mustNotCall())

    if host is None:
        server.listen(port, common.mustCall(on_listening))
    else:
        server.listen(port, host, common.mustCall(on_listening))


def test_pingpong():
    common.tmpdir.refresh()
    ping_pong_test(common.PIPE)
    ping_pong_test(0)
    ping_pong_test(0, '::1' if common.hasIPv6 else '127.0.0.1')
    uvnet.run()
