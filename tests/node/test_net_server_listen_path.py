"""Port of test-net-server-listen-path.js: listen(path) / listen({path}) forms, readableAll /
writableAll, and EADDRINUSE on a path in use."""
import os
import re
import stat

import common
import uvnet


def test_listen_path():
    common.tmpdir.refresh()
    counter = 0

    def random_pipe_path():
        nonlocal counter
        counter += 1
        return f'{common.PIPE}-listen-path-{counter - 1}'

    def close_server(server):
        return common.mustCall(lambda: server.close())

    s = uvnet.createServer()
    s.listen(random_pipe_path()).on('listening', close_server(s))
    s = uvnet.createServer()
    s.listen({'path': random_pipe_path()}).on('listening', close_server(s))
    s = uvnet.createServer()
    s.listen(random_pipe_path(), close_server(s))
    s = uvnet.createServer()
    s.listen({'path': random_pipe_path()}, close_server(s))

    all_path = random_pipe_path()
    all_server = uvnet.createServer()

    def on_all_listening():
        mode = os.stat(all_path).st_mode
        assert mode & stat.S_IROTH != 0
        assert mode & stat.S_IWOTH != 0
        all_server.close()

    all_server.listen({'path': all_path, 'readableAll': True, 'writableAll': True},
                      common.mustCall(on_all_listening))

    used_path = random_pipe_path()
    server1 = uvnet.createServer()

    def on_listening1():
        server2 = uvnet.createServer().listen({'path': used_path, 'writableAll': True},
                                              common.mustNotCall())

        def on_error(err):
            server1.close()
            assert err.code == 'EADDRINUSE'
            assert re.match(r'^listen EADDRINUSE: address already in use', str(err))

        server2.on('error', common.mustCall(on_error))

    server1.listen({'path': used_path}, on_listening1)
    uvnet.run()
