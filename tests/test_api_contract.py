# ruff: noqa: E501, UP031  (the embedded JS/Python programs keep long lines; % fills them)
"""API.md audited line by line: each statement of the contract has a check here, plain
asserts for the Python shape and a differential run against node where bytes or
transcripts are compared."""

import json
import socket

import pytest

import uvnet
from difftest import assert_same_output
from uvnet.internal import errors as E

# --- Names and shapes --------------------------------------------------------------------


def test_net_alias_and_stream_loaded():
    import uvnet.net
    assert uvnet.net is __import__('uvnet.net').net
    assert uvnet.net.createServer is uvnet.createServer
    assert uvnet.stream.Readable and uvnet.stream.pipeline and uvnet.stream.finished


def test_properties_stay_properties_methods_stay_methods():
    s = uvnet.Socket()
    for p in ('remoteAddress', 'remotePort', 'remoteFamily', 'localAddress', 'localPort',
              'bytesWritten', 'bytesRead', 'allowHalfOpen', 'destroyed', 'readableLength',
              'writableLength', 'readableEnded', 'writableFinished', 'pending', 'connecting',
              'readyState', 'timeout'):
        assert not callable(getattr(s, p)), p
    for m in ('address', 'setEncoding', 'setKeepAlive', 'setNoDelay', 'setTimeout', 'ref',
              'unref', 'pause', 'resume', 'isPaused', 'cork', 'uncork', 'resetAndDestroy'):
        assert callable(getattr(s, m)), m
    assert s.address() == {}
    srv = uvnet.createServer()
    assert srv.address() is None and srv.listening is False
    s.destroy()
    uvnet.run()


def test_options_dict_and_keywords_are_the_same_call(tmp_path):
    out = []
    path = str(tmp_path / 's.sock')
    a = uvnet.createServer(lambda c: c.end(), allowHalfOpen=True)
    assert a.allowHalfOpen is True
    a.listen(port=0, host='127.0.0.1')
    b = uvnet.createServer()
    b.listen({'port': 0, 'host': '127.0.0.1'}, lambda: out.append('b'))
    c = uvnet.createServer()
    c.listen(lambda: out.append('c'), port=0, host='127.0.0.1')
    d = uvnet.createServer()
    d.listen(path, lambda: out.append(d.address()))
    assert uvnet.Socket(allowHalfOpen=True).allowHalfOpen is True
    assert uvnet.Socket({'allowHalfOpen': True}).allowHalfOpen is True

    def go():
        port = a.address()['port']
        assert a.address() == {'address': '127.0.0.1', 'family': 'IPv4', 'port': port}
        s1 = uvnet.connect(port=port, host='127.0.0.1')
        s1.end(b'x', lambda err: out.append(('end cb', err)))
        s2 = uvnet.Socket()
        s2.connect(port=port, host='127.0.0.1')
        s2.write('ff', encoding='hex', callback=lambda err: out.append(('write cb', err)))
        s2.end(callback=lambda err=None: out.append(('end cb2', err)))
        s2.setKeepAlive(enable=True, initialDelay=1000)
        s2.setNoDelay(noDelay=True)
        s3 = uvnet.connect(str(port), '127.0.0.1', lambda: out.append('s3'))
        s3.end()
        a.getConnections(callback=lambda err, n: out.append(('conns', err, type(n))))
        uvnet.setTimeout(lambda: [x.close() for x in (a, b, c, d)], 50)
    a.on('listening', go)
    uvnet.run()
    assert sorted(map(repr, out)) == sorted(map(repr, [
        'b', 'c', path, ('end cb', None), ('write cb', None), ('end cb2', None), 's3',
        ('conns', None, int)]))


def test_getConnections_without_callback_is_err_invalid_arg_type():
    with pytest.raises(TypeError) as info:
        uvnet.createServer().getConnections()
    assert info.value.code == 'ERR_INVALID_ARG_TYPE'
    assert isinstance(info.value, uvnet.NodeError)
    assert str(info.value).startswith('The "callback" argument must be of type function.')


ENC_CASES = [('h\u00e9llo \u20ac\U0001F600', e) for e in ('utf8', 'utf-8', 'ascii', 'latin1', 'binary', 'ucs2', 'utf16le', 'base64')] + [
    ('abcdeF1', 'hex'), ('abzz12', 'hex'), ('aGVsbG8', 'base64'), ('aGV sbG8=\n', 'base64'),
    ('-_-_', 'base64url'), ('+/+/', 'base64url'), ('a\ud800b', 'utf8'), ('\u0100\u01ff', 'ascii'),
    ('\u0100\u01ff', 'latin1'), ('abc', 'UTF8'), ('abc', 'ucs-2'), ('abc', 'utf-16le')]


def test_write_encodings_put_nodes_bytes_on_the_wire():
    js_cases = json.dumps(ENC_CASES)
    js = """const net=require('net'); const cases=%s;
const srv=net.createServer(c=>{const b=[];c.on('data',d=>b.push(d));c.on('end',()=>{console.log(Buffer.concat(b).toString('hex'));srv.close()})});
srv.listen(0,'127.0.0.1',()=>{const s=net.connect(srv.address().port,'127.0.0.1',()=>{
 for(const [str,enc] of cases){s.write(str,enc);s.write('|');}
 s.write(Buffer.from('ab')); s.end();});});
""" % js_cases
    py = """import uvnet
cases=%r
def onc(c):
    b=[]
    c.on('data', b.append)
    c.on('end', lambda: (print(b''.join(b).hex()), srv.close()))
srv=uvnet.createServer(onc)
def go():
    def cb():
        for st,enc in cases:
            s.write(st,enc); s.write('|')
        s.write(bytearray(b'a')); s.write(memoryview(b'b')); s.end()
    s=uvnet.connect(srv.address()['port'],'127.0.0.1',cb)
srv.listen(0,'127.0.0.1',go)
uvnet.run()
""" % (ENC_CASES,)
    assert_same_output(js, py)


def test_socket_state_properties_through_a_connection():
    js = r"""const net=require('net');
const props=s=>JSON.stringify([s.remoteAddress,s.remoteFamily,typeof s.remotePort,s.localAddress,s.localFamily,typeof s.localPort,s.bytesWritten,s.bytesRead,s.readyState,s.pending,s.connecting,s.destroyed,s.timeout,s.readable,s.writable,s.allowHalfOpen,s.readableLength,s.writableLength,s.readableEnded,s.writableEnded,s.writableFinished,s.readableFlowing,s.bufferSize,s.closed,s.errored,s.writableCorked,s.readableEncoding,s.writableNeedDrain,s.readableHighWaterMark,s.writableHighWaterMark]);
const srv=net.createServer(c=>{c.setEncoding('utf8');c.on('data',d=>{});c.on('end',()=>c.end('bye'))});
srv.listen(0,'127.0.0.1',()=>{
 const s=new net.Socket(); console.log('new', props(s), JSON.stringify(s.address()));
 s.connect(srv.address().port,'127.0.0.1'); console.log('connecting', props(s));
 s.setTimeout(5000); s.setEncoding('utf8');
 s.on('connect',()=>{console.log('connect', props(s)); s.write('h\u00e9llo'); console.log('written', props(s)); s.end(); console.log('ended', props(s));});
 s.on('data',d=>console.log('data', typeof d, props(s)));
 s.on('end',()=>console.log('end', props(s)));
 s.on('finish',()=>console.log('finish', props(s)));
 s.on('close',h=>{console.log('close', h, props(s)); srv.close(); console.log(srv.address(), srv.listening)});
});
"""
    py = r"""import uvnet, json
def props(s):
    def t(x): return {int:'number',str:'string',type(None):'undefined'}.get(type(x),'?')
    return json.dumps([s.remoteAddress,s.remoteFamily,t(s.remotePort),s.localAddress,s.localFamily,t(s.localPort),s.bytesWritten,s.bytesRead,s.readyState,s.pending,s.connecting,s.destroyed,s.timeout,s.readable,s.writable,s.allowHalfOpen,s.readableLength,s.writableLength,s.readableEnded,s.writableEnded,s.writableFinished,s.readableFlowing,s.bufferSize,s.closed,s.errored,s.writableCorked,s.readableEncoding,s.writableNeedDrain,s.readableHighWaterMark,s.writableHighWaterMark], separators=(',',':'))
def onc(c):
    c.setEncoding('utf8'); c.on('data', lambda d: None); c.on('end', lambda: c.end('bye'))
srv=uvnet.createServer(onc)
def go():
    s=uvnet.Socket(); print('new', props(s), json.dumps(s.address()))
    s.connect(srv.address()['port'],'127.0.0.1'); print('connecting', props(s))
    s.setTimeout(5000); s.setEncoding('utf8')
    def conn():
        print('connect', props(s)); s.write('h\u00e9llo'); print('written', props(s)); s.end(); print('ended', props(s))
    s.on('connect', conn)
    s.on('data', lambda d: print('data', {str: 'string'}.get(type(d), '?'), props(s)))
    s.on('end', lambda: print('end', props(s)))
    s.on('finish', lambda: print('finish', props(s)))
    def close(h):
        print('close', 'true' if h else 'false', props(s)); srv.close(); print('null' if srv.address() is None else srv.address(), 'true' if srv.listening else 'false')
    s.on('close', close)
srv.listen(0,'127.0.0.1',go)
uvnet.run()
"""
    assert_same_output(js, py)


def test_drop_dict_and_epipe_after_fin():
    js = r"""const net=require('net');
const srv=net.createServer(c=>c.end()); srv.maxConnections=1;
srv.on('drop', d=>console.log('drop', JSON.stringify(Object.keys(d)), d.localFamily, typeof d.remotePort));
srv.listen(0,'127.0.0.1',()=>{
  const port=srv.address().port;
  const s=net.connect({port, host:'127.0.0.1'});
  s.on('end', ()=>setImmediate(()=>s.write('x', e=>console.log('wcb', e.name, e.code, e.message, JSON.stringify(Object.keys(e)), e.errno, e.syscall))));
  s.on('close', h=>{console.log('close', h); srv.close();});
  const s2=net.connect({port, host:'127.0.0.1'});
  s2.on('close', h=>console.log('s2 close', h));
});
"""
    py = r"""import uvnet, json
srv=uvnet.createServer(lambda c: c.end()); srv.maxConnections=1
srv.on('drop', lambda d: print('drop', json.dumps(list(d), separators=(',',':')), d['localFamily'], {int: 'number'}[type(d['remotePort'])]))
def wcb(e):
    assert not isinstance(e, uvnet.UVException) and getattr(e, 'errno', None) is None and getattr(e, 'syscall', None) is None
    print('wcb', e.name, e.code, str(e), json.dumps(['code']), 'undefined', 'undefined')
def go():
    port=srv.address()['port']
    s=uvnet.connect({'port':port,'host':'127.0.0.1'})
    s.on('end', lambda: uvnet.setImmediate(lambda: s.write('x', wcb)))
    s.on('close', lambda h: (print('close', 'true' if h else 'false'), srv.close()))
    s2=uvnet.connect({'port':port,'host':'127.0.0.1'})
    s2.on('close', lambda h: print('s2 close', 'true' if h else 'false'))
srv.listen(0,'127.0.0.1',go)
uvnet.run()
"""
    assert_same_output(js, py)


def test_lookup_args_and_close_had_error():
    out = []
    srv = uvnet.createServer(lambda c: c.resetAndDestroy())

    def go():
        s = uvnet.connect(port=srv.address()['port'], host='localhost', family=4)
        s.on('lookup', lambda *a: out.append(('lookup', a)))
        s.on('error', lambda e: out.append(('error', e)))
        s.on('close', lambda *a: (out.append(('close', a)), srv.close()))
    srv.listen(0, '127.0.0.1', go)
    uvnet.run()
    assert out[0] == ('lookup', (None, '127.0.0.1', 4, 'localhost'))
    err = out[1][1]
    assert isinstance(err, ConnectionResetError) and isinstance(err, uvnet.UVException)
    assert (err.code, err.errno) == ('ECONNRESET', -104)
    assert out[2] == ('close', (True,))


def test_socket_from_fd():
    a, b = socket.socketpair()
    out = []
    s = uvnet.Socket(fd=a.fileno(), readable=True, writable=True)
    s.setEncoding('utf8')
    s.on('data', lambda d: out.append(d))
    s.on('close', lambda h: out.append(('close', h)))
    b.send('h\u00e9'.encode()[:2])
    uvnet.setTimeout(lambda: (b.send('h\u00e9'.encode()[2:]), b.shutdown(socket.SHUT_WR)), 20)
    s.end(bytearray(b'ok'))
    uvnet.run()
    assert out == ['h', '\u00e9', ('close', False)]
    assert b.recv(10) == b'ok'
    b.close()


# --- Events, loop, timers ----------------------------------------------------------------


def test_event_emitter_surface():
    Em = uvnet.EventEmitter
    assert Em.defaultMaxListeners == 10
    assert issubclass(uvnet.MaxListenersExceededWarning, RuntimeWarning)
    e = Em()
    f = lambda: None  # noqa: E731
    for m in ('on', 'addListener', 'prependListener', 'once', 'prependOnceListener', 'off', 'removeListener'):
        assert getattr(e, m)('x', f) is e, m
    assert e.removeAllListeners() is e and e.setMaxListeners(3) is e and e.getMaxListeners() == 3
    key, got = (1, 2), []
    e.on(key, got.append)
    e.on(uvnet.errorMonitor, lambda err: got.append('monitor'))
    e.on('error', lambda err: got.append('error'))
    assert e.emit(key, 'k') is True and e.emit('none') is False
    e.emit('error', Exception())
    assert got == ['k', 'monitor', 'error']
    e.once('o', f)
    assert e.listeners('o') == [f] and e.rawListeners('o')[0].listener is f
    with pytest.raises(ValueError):
        e.setMaxListeners(-1)


def test_timers_ref_unref_hasref_refresh():
    t = uvnet.setTimeout(lambda: None, 1)
    i = uvnet.setImmediate(lambda: None)
    for x in (t, i):
        assert x.hasRef() and x.unref() is x and not x.hasRef() and x.ref() is x
    assert t.refresh() is t
    uvnet.run()


# --- Errors ------------------------------------------------------------------------------


@pytest.mark.parametrize('name,base', [
    ('ERR_SOCKET_BAD_PORT', ValueError), ('ERR_INVALID_ARG_TYPE', TypeError),
    ('ERR_SERVER_ALREADY_LISTEN', Exception), ('ERR_SERVER_NOT_RUNNING', Exception),
    ('ERR_STREAM_WRITE_AFTER_END', Exception), ('ERR_STREAM_DESTROYED', Exception),
    ('ERR_SOCKET_CLOSED', Exception), ('ERR_INVALID_IP_ADDRESS', TypeError),
    ('ERR_UNHANDLED_ERROR', Exception), ('ERR_OUT_OF_RANGE', ValueError),
    ('ERR_MISSING_ARGS', TypeError), ('ERR_INVALID_ARG_VALUE', TypeError)])
def test_node_error_bases(name, base):
    cls = getattr(E, name)
    assert issubclass(cls, base) and issubclass(cls, uvnet.NodeError)
    if base is Exception:
        assert not issubclass(cls, (TypeError, ValueError))


def test_uvexception_fields_and_builtin_base():
    out = []
    s = uvnet.connect(1, '127.0.0.1')
    s.on('error', out.append)
    uvnet.run()
    err = out[0]
    assert isinstance(err, ConnectionRefusedError) and isinstance(err, uvnet.UVException)
    assert isinstance(err, OSError)
    assert (err.code, err.errno, err.syscall, err.address, err.port) == ('ECONNREFUSED', -111, 'connect', '127.0.0.1', 1)
    assert str(err) == 'connect ECONNREFUSED 127.0.0.1:1'
