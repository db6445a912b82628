"""Port of test-net-during-close.js: remote* getters of a connecting socket do not raise
after server.close(). (Node then calls process.exit(0); here the client is destroyed.)"""
import common
import uvnet


def test_getters_during_close():
    server = uvnet.createServer(lambda socket: socket.end())

    def on_listening():
        client = uvnet.createConnection(server.address()['port'])
        server.close()
        _ = client.remoteAddress, client.remoteFamily, client.remotePort
        client.destroy()

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
