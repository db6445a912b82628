"""Port of test-net-write-arguments.js: write(null) ⇒ ERR_STREAM_NULL_VALUES; other
non-chunk values ⇒ ERR_INVALID_ARG_TYPE, thrown, no 'error'. None is JS's undefined here
(docs/null-undefined.md), so write(None) is Node's undefined case; a socket has no null
chunk a port could pass (only an object-mode stream refuses None as null)."""
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

    for value, received in [(None, 'None'),
                            (True, 'type bool (True)'), (False, 'type bool (False)'),
                            (1, 'type int (1)'), (1.0, 'type float (1.0)'),
                            (math.inf, 'type float (inf)'), (-math.inf, 'type float (-inf)'),
                            ([], 'an instance of list'), ({}, 'an instance of dict')]:
        sock = uvnet.Stream({'highWaterMark': 0})
        common.throws(lambda sock=sock, value=value: sock.write(value),
                      code='ERR_INVALID_ARG_TYPE', name='TypeError',
                      message=f'{PREFIX} Received {received}')
