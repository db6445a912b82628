"""Port of test-net-pipe-connect-errors.js: connecting to a regular file ⇒ ENOTSOCK or
ECONNREFUSED; to a missing path ⇒ ENOENT; to a chmod-0 socket ⇒ EACCES (not as root)."""
import os

import common
import uvnet


def test_pipe_connect_errors():
    common.tmpdir.refresh()
    empty_txt = f'{common.tmpdir.path}0.txt'
    try:
        with open(empty_txt, 'w'):
            pass

        def not_called():
            raise AssertionError('connection callback should not run')

        not_socket_client = uvnet.createConnection(empty_txt, not_called)

        def on_not_socket_error(err):
            assert err.code in ('ENOTSOCK', 'ECONNREFUSED'), \
                f'received {err.code} instead of ENOTSOCK or ECONNREFUSED'

        not_socket_client.on('error', common.mustCall(on_not_socket_error))

        no_ent_client = uvnet.createConnection('no-ent-file', not_called)

        def on_no_ent_error(err):
            assert err.code == 'ENOENT'

        no_ent_client.on('error', common.mustCall(on_no_ent_error))

        if os.getuid() != 0:
            access_server = uvnet.createServer(
                common.mustNotCall('server callback should not run'))

            def on_listening():
                os.chmod(common.PIPE, 0)
                access_client = uvnet.createConnection(common.PIPE, not_called)

                def on_error(err):
                    assert err.code == 'EACCES'
                    access_server.close()

                access_client.on('error', common.mustCall(on_error))

            access_server.listen(common.PIPE, common.mustCall(on_listening))
        uvnet.run()
    finally:
        os.unlink(empty_txt)
