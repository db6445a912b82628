"""Port of test-net-pause-resume-connecting.js: pause()/resume() called while connecting
decide whether data flows."""
import common
import uvnet


def test_pause_resume_connecting():
    counts = {'connections': 0, 'data': 0}

    def on_connection(conn):
        counts['connections'] += 1
        conn.end('This was the year he fell to pieces.')
        if counts['connections'] == 5:
            server.close()

    server = uvnet.createServer(on_connection)

    def on_data_ok(data):
        counts['data'] += 1

    def schedule_tear_down(conn):
        def later():
            conn.removeAllListeners('data')
            conn.resume()
        uvnet.setTimeout(later, 100)

    def on_listening():
        port = server.address()['port']
        conn = uvnet.createConnection(port, 'localhost')
        conn.resume()
        conn.on('data', on_data_ok)

        conn = uvnet.createConnection(port, 'localhost')
        conn.pause()
        conn.resume()
        conn.on('data', on_data_ok)

        conn = uvnet.createConnection(port, 'localhost')
        conn.pause()
        conn.on('data', common.mustNotCall())
        schedule_tear_down(conn)

        conn = uvnet.createConnection(port, 'localhost')
        conn.resume()
        conn.pause()
        conn.resume()
        conn.on('data', on_data_ok)

        conn = uvnet.createConnection(port, 'localhost')
        conn.resume()
        conn.resume()
        conn.pause()
        conn.on('data', common.mustNotCall())
        schedule_tear_down(conn)

    server.listen(0, on_listening)
    uvnet.run()
    assert counts['connections'] == 5
    assert counts['data'] == 3
