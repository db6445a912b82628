"""Port of test-net-connect-options-invalid.js: object-mode options are rejected."""
import re

import common
import uvnet


def test_object_mode_options_rejected():
    for key in ('objectMode', 'readableObjectMode', 'writableObjectMode'):
        message = f"The property 'options.{key}' is not supported. Received True"
        common.throws(lambda key=key: uvnet.createConnection({'port': 8080, key: True}),
                      code='ERR_INVALID_ARG_VALUE', name='TypeError',
                      message=re.compile(re.escape(message)))
