"""Port of test-net-connect-after-destroy.js: destroy() right after connecting to a host name
must not crash once the lookup answers."""
import uvnet


def test_connect_after_destroy():
    c = uvnet.createConnection(80, 'google.com')
    c.destroy()
    uvnet.run()
