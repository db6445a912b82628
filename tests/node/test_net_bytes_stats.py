"""Port of test-net-bytes-stats.js: byte counters per connection of a reconnected Socket."""
import uvnet


def test_bytes_stats():
    totals = {'read': 0, 'written': 0}
    count = 0

    def on_connection(s):
        s.resume()

        def on_end():
            totals['read'] += s.bytesRead

        s.on('end', on_end)

    tcp = uvnet.Server(on_connection)

    def do_test():
        socket = uvnet.createConnection(tcp.address()['port'])

        def on_connect():
            nonlocal count
            count += 1
            socket.write('foo', lambda *err: socket.end('bar'))

        def on_finish():
            totals['written'] += socket.bytesWritten

        def on_close(*args):
            if count < 2:
                socket.connect(tcp.address()['port'])
            else:
                tcp.close()

        socket.on('connect', on_connect)
        socket.on('finish', on_finish)
        socket.on('close', on_close)

    tcp.listen(0, do_test)
    uvnet.run()
    assert totals['read'] == 12
    assert totals['written'] == 12
