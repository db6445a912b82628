"""Port of test-net-binary.js: all 256 byte values echo intact with 'latin1' / 'binary'."""
import uvnet


def test_binary_echo():
    binary_string = ''.join(chr(i) for i in range(255, -1, -1))
    recv = []

    def on_connection(connection):
        connection.setEncoding('latin1')
        connection.on('data', lambda chunk: connection.write(chunk, 'latin1'))
        connection.on('end', lambda: connection.end())

    echo_server = uvnet.Server(on_connection)
    echo_server.listen(0)

    def on_listening():
        j = 0
        c = uvnet.createConnection({'port': echo_server.address()['port']})
        c.setEncoding('latin1')

        def on_data(chunk):
            nonlocal j
            n = j + len(chunk)
            while j < n and j < 256:
                c.write(chr(j), 'latin1')
                j += 1
            if j == 256:
                c.end()
            recv.append(chunk)

        c.on('data', on_data)
        c.on('connect', lambda: c.write(binary_string, 'binary'))
        c.on('close', lambda *a: echo_server.close())

    echo_server.on('listening', on_listening)
    uvnet.run()

    text = ''.join(recv)
    assert len(text) == 2 * 256
    assert text[:256][::-1] == text[256:]
