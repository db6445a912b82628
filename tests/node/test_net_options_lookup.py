"""Port of test-net-options-lookup.js: the lookup option must be callable; a lookup answering
family 100 gives ERR_INVALID_ADDRESS_FAMILY."""
import common
import uvnet


def test_lookup_must_be_callable():
    for value in ('foobar', 1, {}, []):
        common.throws(lambda value=value: uvnet.connect(
            {'host': 'localhost', 'port': 0, 'lookup': value}),
            code='ERR_INVALID_ARG_TYPE', name='TypeError')


def test_callable_lookup_accepted():
    s = uvnet.connect({'host': 'localhost', 'port': 0, 'lookup': lambda *args: None})
    s.destroy()
    uvnet.run()


def test_bad_family():
    def lookup(host, options, cb):
        if options.get('all'):
            cb(None, [{'address': '127.0.0.1', 'family': 100}])
        else:
            cb(None, '127.0.0.1', 100)

    s = uvnet.connect({'host': 'localhost', 'port': 0, 'lookup': lookup})
    s.on('error', common.expectsError(code='ERR_INVALID_ADDRESS_FAMILY', host='localhost',
                                      port=0,
                                      message='Invalid address family: 100 localhost:0'))
    uvnet.run()
