"""Port of test-net-write-arguments.js: write(None) ⇒ ERR_STREAM_NULL_VALUES; other
non-chunk values ⇒ ERR_INVALID_ARG_TYPE, thrown, no 'error'. Node's `undefined` case is
None here, which is the null case."""
import math

import common
import uvnet

# Node lists the chunk types it accepts (string, Buffer, Uint8Array); uvnet accepts str, bytes,
# bytearray and memoryview (API.md), and names them in Python's words.
PREFIX = ('The "chunk" argument must be of type str or an instance of bytes, bytearray, '
          'or memoryview.')


def test_write_arguments():
    socket = uvnet.Stream({'highWaterMark': 0})
    socket.on('error', common.mustNotCall())
    common.throws(lambda: socket.write(None), code='ERR_STREAM_NULL_VALUES', name='TypeError',
                  message='May not write null values to stream')

    for value, received in [(True, 'type bool (True)'), (False, 'type bool (False)'),
                            (1, 'type int (1)'), (1.0, 'type float (1.0)'),
                            (math.inf, 'type float (inf)'), (-math.inf, 'type float (-inf)'),
                            ([], 'an instance of list'), ({}, 'an instance of dict')]:
        sock = uvnet.Stream({'highWaterMark': 0})
        common.throws(lambda sock=sock, value=value: sock.write(value),
                      code='ERR_INVALID_ARG_TYPE', name='TypeError',
                      message=f'{PREFIX} Received {received}')
