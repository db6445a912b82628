"""Port of test-net-socket-connect-invalid-autoselectfamily.js."""
import common
import uvnet


def test_invalid_autoselectfamily():
    common.throws(lambda: uvnet.connect({'port': 8080, 'autoSelectFamily': 'INVALID'}),
                  code='ERR_INVALID_ARG_TYPE')
