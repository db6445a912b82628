"""Port of test-net-dns-lookup.js: connecting to 'localhost' emits
'lookup'(None, ip, 4 or 6, 'localhost')."""
import re

import common
import uvnet


def test_dns_lookup():
    def on_connection(client):
        client.end()
        server.close()

    server = uvnet.createServer(on_connection)

    def on_lookup(err, ip, type, host):
        assert err is None
        assert re.match(r'^(127\.0\.0\.1|::1)$', ip)
        assert type in (4, 6)
        assert host == 'localhost'

    def on_listening():
        uvnet.connect(server.address()['port'], 'localhost').on(
            'lookup', common.mustCallAtLeast(on_lookup, 1))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
