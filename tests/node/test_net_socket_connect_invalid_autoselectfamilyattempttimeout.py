"""Port of test-net-socket-connect-invalid-autoselectfamilyattempttimeout.js: an attempt
timeout <= 0 is out of range (option and default setter); below 10 it is raised to 10."""
import common
import uvnet


def test_invalid_attempt_timeout():
    for timeout in (-10, 0):
        common.throws(lambda timeout=timeout: uvnet.connect(
            {'port': 8080, 'autoSelectFamily': True,
             'autoSelectFamilyAttemptTimeout': timeout}),
            code='ERR_OUT_OF_RANGE')
        common.throws(lambda timeout=timeout:
                      uvnet.setDefaultAutoSelectFamilyAttemptTimeout(timeout),
                      code='ERR_OUT_OF_RANGE')
    for timeout in (1, 9):
        uvnet.setDefaultAutoSelectFamilyAttemptTimeout(timeout)
        assert uvnet.getDefaultAutoSelectFamilyAttemptTimeout() == 10
