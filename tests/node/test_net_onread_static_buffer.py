"""Port of test-net-onread-static-buffer.js: the onread option reads into a static buffer or
into buffers from a factory; the callback pausing, or returning False, stops reading.
Node's Buffer cases use bytearray here, its Uint8Array cases memoryview."""
import common
import uvnet

MESSAGE = b'hello world'


def _serve(client_options, on_end, on_socket=None):
    def on_connection(socket):
        server.close()
        socket.end(MESSAGE)

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        sock = uvnet.connect(dict(client_options, port=server.address()['port']))
        if on_socket:
            on_socket(sock)
        sock.on('data', common.mustNotCall()).on('end', common.mustCall(on_end))

    server.listen(0, on_listening)


def _static(sock_buf):
    received = []

    def callback(nread, buf):
        assert buf is sock_buf
        received.append(bytes(buf[:nread]))

    def on_end():
        assert sum(map(len, received)) == len(MESSAGE)
        assert b''.join(received) == MESSAGE

    _serve({'onread': {'buffer': sock_buf, 'callback': callback}}, on_end)


def test_static_bytearray():
    _static(bytearray(8))
    uvnet.run()


def test_static_memoryview():
    _static(memoryview(bytearray(8)))
    uvnet.run()


def _pool(buf_pool):
    received = []
    state = {'idx': -1, 'usage': 0}

    def buffer():
        state['usage'] += 1
        state['idx'] = (state['idx'] + 1) % len(buf_pool)
        return buf_pool[state['idx']]

    def callback(nread, buf):
        assert buf is buf_pool[state['idx']]
        received.append(bytes(buf[:nread]))

    def on_end():
        assert sum(map(len, received)) == len(MESSAGE)
        assert b''.join(received) == MESSAGE
        assert state['usage'] == 7

    _serve({'onread': {'buffer': buffer, 'callback': callback}}, on_end)


def test_buffer_factory_bytearray():
    _pool([bytearray(2), bytearray(2), bytearray(2)])
    uvnet.run()


def test_buffer_factory_memoryview():
    _pool([memoryview(bytearray(2)) for _ in range(3)])
    uvnet.run()


def _pausing(use_return_false):
    received = []
    sock_buf = bytearray(8)
    state = {'paused': False}
    box = []

    def callback(nread, buf):
        assert state['paused'] is False
        assert buf is sock_buf
        received.append(bytes(buf[:nread]))
        state['paused'] = True
        if not use_return_false:
            box[0].pause()

        def later():
            state['paused'] = False
            box[0].resume()

        uvnet.setTimeout(later, 100)
        return False if use_return_false else None

    def on_end():
        assert sum(map(len, received)) == len(MESSAGE)
        assert b''.join(received) == MESSAGE

    _serve({'onread': {'buffer': sock_buf, 'callback': callback}}, on_end, box.append)


def test_pause_in_callback():
    _pausing(False)
    uvnet.run()


def test_callback_returns_false():
    _pausing(True)
    uvnet.run()
