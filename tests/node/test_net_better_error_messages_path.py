"""Port of test-net-better-error-messages-path.js."""
import common
import uvnet


def test_connect_missing_path():
    fp = '/tmp/fadagagsdfgsdf'
    c = uvnet.connect(fp)
    c.on('connect', common.mustNotCall())
    c.on('error', common.expectsError(code='ENOENT', message=f'connect ENOENT {fp}'))
    uvnet.run()


def test_path_must_be_string():
    common.throws(lambda: uvnet.createConnection({'path': {}}), code='ERR_INVALID_ARG_TYPE')
