"""The wrap layer: one small class per libuv handle type, as Node's ``TCPWrap``/``PipeWrap``.

``net`` talks to these exactly as ``lib/net.js`` talks to Node's C++ wraps: methods
return ``0`` or a negative libuv error number instead of raising, completions arrive
through ``oncomplete``/``onread``/``onconnection`` attributes, and every libuv callback
runs inside :func:`uvnet.internal.process.makeCallback`. pyuv's gaps (no
``close_reset``, no ``pipe_chmod``) are filled here, through the socket's ``fileno()``.
"""
