"""Port of test-net-connect-options-allowhalfopen.js: allowHalfOpen given to every client
form keeps the client writable after the server's FIN."""
import common
import uvnet

CLIENT_VARIANTS = 6


def test_connect_options_allowhalfopen():
    host = common.localhostIPv4
    counts = {'client_closed': 0, 'server_connections': 0, 'client_fin': 0, 'server_fin': 0}

    def server_on_connection(socket):
        counts['server_connections'] += 1
        socket.resume()
        socket.on('data', common.mustCall(lambda data: None))

        def on_end():
            counts['server_fin'] += 1
            if counts['server_fin'] < CLIENT_VARIANTS:
                return
            uvnet.setTimeout(lambda: server.close(), 50)

        socket.on('end', common.mustCall(on_end))
        socket.end()

    def client_on_connect(index, get_client):
        def on_connect():
            client = get_client()
            client.resume()

            def on_end():
                def later():
                    assert not client.readable
                    assert client.writable
                    assert client.write(str(index))
                    client.end()
                    counts['client_fin'] += 1
                uvnet.setTimeout(later, 50)

            def on_close(*args):
                counts['client_closed'] += 1

            client.on('end', common.mustCall(on_end))
            client.on('close', common.mustCall(on_close))
        return common.mustCall(on_connect)

    def server_on_listen():
        port = server.address()['port']
        opts = {'allowHalfOpen': True, 'host': host, 'port': port}
        c = {}
        c[1] = uvnet.connect(opts, client_on_connect(1, lambda: c[1]))
        c[2] = uvnet.connect(opts)
        c[2].on('connect', client_on_connect(2, lambda: c[2]))
        c[3] = uvnet.createConnection(opts, client_on_connect(3, lambda: c[3]))
        c[4] = uvnet.createConnection(opts)
        c[4].on('connect', client_on_connect(4, lambda: c[4]))
        c[5] = uvnet.Socket(opts)
        c[5].connect(opts, client_on_connect(5, lambda: c[5]))
        c[6] = uvnet.Socket(opts)
        c[6].connect(opts).on('connect', client_on_connect(6, lambda: c[6]))

    server = uvnet.createServer({'allowHalfOpen': True})
    server.on('connection', common.mustCall(server_on_connection, CLIENT_VARIANTS))
    server.on('close', common.mustCall())
    server.listen(0, host, common.mustCall(server_on_listen))
    uvnet.run()
    assert counts['client_closed'] == CLIENT_VARIANTS
    assert counts['client_fin'] == CLIENT_VARIANTS
