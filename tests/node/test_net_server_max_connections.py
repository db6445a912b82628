"""Port of test-net-server-max-connections.js: 20 connections with maxConnections 10 ⇒ the
first 10 are served, the others are closed without data."""
import common
import uvnet

N = 20


def test_max_connections():
    state = {'closes': 0}
    waits = []

    def on_connection(connection):
        connection.write('hello')
        waits.append(lambda: connection.end())

    server = uvnet.createServer(common.mustCall(on_connection, N // 2))

    def make_connection(index):
        c = uvnet.createConnection(server.address()['port'])
        got_data = False

        def on_connect():
            if index + 1 < N:
                make_connection(index + 1)

            def on_close(*args):
                state['closes'] += 1
                if state['closes'] < N // 2:
                    assert server.maxConnections <= index, \
                        f'{index} should not have been one of the first closed connections'
                if state['closes'] == N // 2:
                    while waits:
                        waits.pop(0)()
                    server.close()
                if index < server.maxConnections:
                    assert got_data is True, f"{index} didn't get data, but should have"
                else:
                    assert got_data is False, f"{index} got data, but shouldn't have"

            c.on('close', on_close)

        def on_data(b):
            nonlocal got_data
            got_data = True
            assert len(b) > 0

        c.on('connect', on_connect)
        c.on('end', lambda: c.end())
        c.on('data', on_data)
        c.on('error', lambda e: None)

    server.listen(0, lambda: make_connection(0))
    server.maxConnections = N // 2
    uvnet.run()
    assert state['closes'] == N
