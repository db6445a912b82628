/* loadgen: a load generator for TCP echo servers on 127.0.0.1 (epoll, nonblocking).
 *
 *   loadgen pingpong PORT [opts]  N connections; each writes a message (-s, 64 B), waits
 *                                 for the whole echo, repeats. op = one round trip.
 *   loadgen bulk PORT [opts]      N connections; each writes -s byte chunks (64 KiB) while
 *                                 (written - echoed) stays within -W (256 KiB). op = one
 *                                 chunk echoed (ops = echoed bytes / chunk size).
 *   loadgen churn PORT [opts]     keep -c connections in flight: connect, write -s bytes
 *                                 (64 B), read the echo, close. op = one connection.
 *   loadgen hold PORT -c N        open N connections, echo 1 byte on each (so the server
 *                                 has accepted and is reading), print one JSON line, then
 *                                 hold them until stdin reaches EOF or a line is read.
 *
 * Options: -c N connections / in flight (1)    -d S measured seconds (3)
 *          -w S warm-up seconds (0.5)          -n N fixed count: stop after N ops (-d caps)
 *          -s B message/chunk size             -W B bulk window per connection (262144)
 *          -p PID server pid: utime+stime from /proc/PID/stat over the measured window
 *
 * Prints one JSON line: mode, conns, ops, seconds, ops_per_s, bytes, p50_us, p99_us,
 * server_cpu_s (when -p), client_cpu_s, errors. Latency is per op: round trip (pingpong),
 * chunk written -> its last byte echoed (bulk), connect() -> echo read (churn).
 * At the end every connection is shut down for writing and drained to EOF, so a server
 * never sees a reset from a clean run.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { M_PINGPONG, M_BULK, M_CHURN, M_HOLD };
enum { S_IDLE, S_CONNECTING, S_ACTIVE, S_DRAINING, S_HELD, S_DONE };
enum { P_WARMUP, P_MEASURE, P_DRAIN };

typedef struct {
    int fd;
    int state;
    size_t woff;       /* bytes of the current message / chunk written */
    size_t rgot;       /* bytes of the current echo received (pingpong, churn, hold) */
    uint64_t t0;       /* start of the current op, ns */
    uint64_t sent;     /* bulk: total bytes written */
    uint64_t recvd;    /* bulk: total bytes echoed */
    uint64_t chunks_done;
    uint64_t *stamps;  /* bulk: ring of chunk start times */
    unsigned shead, stail, scap;
} conn_t;

static int mode, nconns = 1, port, server_pid = 0;
static double duration = 3.0, warmup = 0.5;
static long long count = 0;
static size_t msgsize = 0, window = 262144;
static int epfd;
static conn_t *conns;
static char *wbuf, rbuf[1 << 17];
static int phase = P_WARMUP;
static double ops = 0;
static uint64_t bytes_measured = 0, errors = 0;
static uint32_t *lat;
static size_t nlat, caplat;
static struct sockaddr_in addr;
static int live; /* connections not yet S_DONE (drain) */

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void die(const char *what) {
    printf("{\"error\": \"%s: %s\"}\n", what, strerror(errno));
    fflush(stdout);
    exit(2);
}

static double proc_cpu(int pid) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    if (!p) return -1;
    p += 2; /* field 3 (state) */
    unsigned long long ut = 0, st = 0;
    /* fields 3..13 skipped, 14 utime, 15 stime */
    for (int field = 3; field < 14; field++) {
        p = strchr(p, ' ');
        if (!p) return -1;
        p++;
    }
    if (sscanf(p, "%llu %llu", &ut, &st) != 2) return -1;
    return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static double self_cpu(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void record(uint64_t t0, uint64_t t1) {
    if (phase != P_MEASURE) return;
    ops += 1;
    if (nlat == caplat) {
        caplat = caplat ? caplat * 2 : 65536;
        lat = realloc(lat, caplat * sizeof *lat);
        if (!lat) die("realloc");
    }
    uint64_t d = t1 - t0;
    lat[nlat++] = d > UINT32_MAX ? UINT32_MAX : (uint32_t)d;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void set_nonblock(int fd) {
    int fl = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static void nodelay(int fd) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static void ep_add(conn_t *c, uint32_t ev) {
    struct epoll_event e = {.events = ev | EPOLLET, .data.ptr = c};
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &e) < 0) die("epoll_ctl");
}

static void conn_close(conn_t *c) {
    if (c->fd >= 0) close(c->fd);
    c->fd = -1;
    if (c->state != S_DONE) live--;
    c->state = S_DONE;
}

/* Start draining a connection: no more requests; FIN, then read to EOF. */
static void begin_drain(conn_t *c) {
    if (c->state == S_DONE || c->state == S_DRAINING) return;
    if (c->state == S_CONNECTING) { conn_close(c); return; }
    c->state = S_DRAINING;
    shutdown(c->fd, SHUT_WR);
}

/* Write the rest of the current message; returns 0 when done, 1 when it would block. */
static int write_msg(conn_t *c, size_t len) {
    while (c->woff < len) {
        ssize_t n = write(c->fd, wbuf + c->woff, len - c->woff);
        if (n < 0) {
            if (errno == EAGAIN) return 1;
            if (errno == EINTR) continue;
            errors++;
            conn_close(c);
            return -1;
        }
        c->woff += (size_t)n;
    }
    return 0;
}

static void start_msg(conn_t *c) {
    c->t0 = now_ns();
    c->woff = 0;
    c->rgot = 0;
    write_msg(c, msgsize);
}

/* ---- churn ---- */
static void churn_start(conn_t *c) {
    if (phase == P_DRAIN) { if (c->state != S_DONE) conn_close(c); return; }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) die("socket");
    nodelay(fd);
    c->fd = fd;
    c->t0 = now_ns();
    c->woff = c->rgot = 0;
    c->state = S_CONNECTING;
    int r = connect(fd, (struct sockaddr *)&addr, sizeof addr);
    if (r < 0 && errno != EINPROGRESS) {
        errors++;
        close(fd);
        c->fd = -1;
        c->state = S_IDLE;
        return; /* retried from the main loop */
    }
    ep_add(c, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
}

static void churn_event(conn_t *c, uint32_t ev) {
    if (c->state == S_CONNECTING) {
        int err = 0;
        socklen_t l = sizeof err;
        getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l);
        if (err) { errors++; close(c->fd); c->fd = -1; c->state = S_IDLE; return; }
        if (!(ev & EPOLLOUT)) return;
        c->state = S_ACTIVE;
        if (write_msg(c, msgsize) < 0) return;
    } else if (c->state == S_ACTIVE && (ev & EPOLLOUT) && c->woff < msgsize) {
        if (write_msg(c, msgsize) < 0) return;
    }
    if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
        for (;;) {
            ssize_t n = read(c->fd, rbuf, sizeof rbuf);
            if (n > 0) { c->rgot += (size_t)n; continue; }
            if (n < 0 && errno == EAGAIN) break;
            if (n < 0 && errno == EINTR) continue;
            /* EOF or error before the whole echo */
            if (c->rgot < msgsize) errors++;
            break;
        }
        if (c->rgot >= msgsize) {
            record(c->t0, now_ns());
            close(c->fd);
            c->fd = -1;
            c->state = S_IDLE;
            churn_start(c);
        } else if (ev & (EPOLLHUP | EPOLLERR)) {
            errors++;
            close(c->fd);
            c->fd = -1;
            c->state = S_IDLE;
        }
    }
}

/* ---- pingpong / bulk / hold, and the drain of all of them ---- */
static void bulk_pump(conn_t *c) {
    size_t chunk = msgsize;
    for (;;) {
        if (c->woff == 0) {
            if (phase == P_DRAIN || c->state != S_ACTIVE) return;
            if (c->sent - c->recvd + chunk > window) return;
            unsigned next = (c->stail + 1) % c->scap;
            if (next == c->shead) return;
            c->stamps[c->stail] = now_ns();
            c->stail = next;
        }
        ssize_t n = write(c->fd, wbuf + c->woff, chunk - c->woff);
        if (n < 0) {
            if (errno == EAGAIN) return;
            if (errno == EINTR) continue;
            errors++;
            conn_close(c);
            return;
        }
        c->woff += (size_t)n;
        c->sent += (uint64_t)n;
        if (c->woff == chunk) c->woff = 0;
    }
}

static void stream_event(conn_t *c, uint32_t ev) {
    if (c->state == S_DONE) return;
    if ((ev & EPOLLOUT) && c->state == S_ACTIVE) {
        if (mode == M_BULK) bulk_pump(c);
        else if (c->woff < msgsize && write_msg(c, msgsize) < 0) return;
        if (c->state == S_DONE) return;
    }
    if (!(ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) return;
    for (;;) {
        ssize_t n = read(c->fd, rbuf, sizeof rbuf);
        if (n < 0) {
            if (errno == EAGAIN) break;
            if (errno == EINTR) continue;
            if (c->state != S_DRAINING) errors++;
            conn_close(c);
            return;
        }
        if (n == 0) {
            if (c->state != S_DRAINING) errors++;
            conn_close(c);
            return;
        }
        if (c->state == S_DRAINING) continue;
        uint64_t t = now_ns();
        if (mode == M_BULK) {
            c->recvd += (uint64_t)n;
            if (phase == P_MEASURE) bytes_measured += (uint64_t)n;
            while (c->recvd >= (c->chunks_done + 1) * msgsize && c->shead != c->stail) {
                uint64_t t0 = c->stamps[c->shead];
                c->shead = (c->shead + 1) % c->scap;
                c->chunks_done++;
                record(t0, t);
            }
        } else {
            c->rgot += (size_t)n;
            if (c->rgot >= msgsize) {
                record(c->t0, t);
                if (phase == P_MEASURE) bytes_measured += msgsize;
                if (phase == P_DRAIN) { begin_drain(c); continue; }
                start_msg(c);
                if (c->state == S_DONE) return;
            }
        }
    }
    if (mode == M_BULK && c->state == S_ACTIVE) bulk_pump(c);
}

static void usage(void) {
    fprintf(stderr, "usage: loadgen pingpong|bulk|churn|hold PORT [-c N] [-d S] [-w S] "
                    "[-n N] [-s BYTES] [-W BYTES] [-p PID]\n");
    exit(1);
}

static void raise_nofile(rlim_t want) {
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur >= want) return;
    struct rlimit nr = {want, rl.rlim_max > want ? rl.rlim_max : want};
    if (setrlimit(RLIMIT_NOFILE, &nr) < 0) {
        nr.rlim_cur = rl.rlim_max;
        nr.rlim_max = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &nr);
    }
}

static int connect_blocking(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) die("socket");
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) die("connect");
    nodelay(fd);
    set_nonblock(fd);
    return fd;
}

/* hold: connect N sockets, at most 256 handshakes (+1-byte echoes) in flight at once. */
static void run_hold(void) {
    raise_nofile((rlim_t)nconns + 64);
    int opened = 0, held = 0;
    uint64_t t0 = now_ns();
    struct epoll_event evs[512];
    while (held + (int)errors < nconns) {
        while (opened < nconns && opened - held - (int)errors < 256) {
            conn_t *c = &conns[opened++];
            int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            if (fd < 0) die("socket");
            c->fd = fd;
            c->state = S_CONNECTING;
            if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0 && errno != EINPROGRESS)
                die("connect");
            ep_add(c, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
        }
        int n = epoll_wait(epfd, evs, 512, 5000);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) { errno = ETIMEDOUT; die("hold"); }
        for (int i = 0; i < n; i++) {
            conn_t *c = evs[i].data.ptr;
            uint32_t ev = evs[i].events;
            if (c->state == S_CONNECTING && (ev & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
                int err = 0;
                socklen_t l = sizeof err;
                getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l);
                if (err || (ev & EPOLLERR)) { errors++; close(c->fd); c->fd = -1; c->state = S_DONE; continue; }
                c->state = S_ACTIVE;
                if (write(c->fd, "h", 1) != 1) { errors++; close(c->fd); c->fd = -1; c->state = S_DONE; continue; }
            }
            if (c->state == S_ACTIVE && (ev & EPOLLIN)) {
                ssize_t r = read(c->fd, rbuf, sizeof rbuf);
                if (r > 0) { c->state = S_HELD; held++; }
                else if (r == 0 || errno != EAGAIN) { errors++; close(c->fd); c->fd = -1; c->state = S_DONE; }
            }
        }
    }
    double secs = (now_ns() - t0) / 1e9;
    printf("{\"mode\": \"hold\", \"conns\": %d, \"held\": %d, \"errors\": %llu, \"seconds\": %.3f}\n",
           nconns, held, (unsigned long long)errors, secs);
    fflush(stdout);
    /* Hold until stdin says so. */
    char line[64];
    if (!fgets(line, sizeof line, stdin)) { /* EOF */ }
    for (int i = 0; i < nconns; i++)
        if (conns[i].fd >= 0) close(conns[i].fd);
    exit(0);
}

int main(int argc, char **argv) {
    if (argc < 3) usage();
    const char *m = argv[1];
    if (!strcmp(m, "pingpong")) mode = M_PINGPONG;
    else if (!strcmp(m, "bulk")) mode = M_BULK;
    else if (!strcmp(m, "churn")) mode = M_CHURN;
    else if (!strcmp(m, "hold")) mode = M_HOLD;
    else usage();
    port = atoi(argv[2]);
    int opt;
    optind = 3;
    while ((opt = getopt(argc, argv, "c:d:w:n:s:W:p:")) != -1) {
        switch (opt) {
        case 'c': nconns = atoi(optarg); break;
        case 'd': duration = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'n': count = atoll(optarg); break;
        case 's': msgsize = (size_t)atoll(optarg); break;
        case 'W': window = (size_t)atoll(optarg); break;
        case 'p': server_pid = atoi(optarg); break;
        default: usage();
        }
    }
    if (nconns < 1 || port <= 0) usage();
    if (!msgsize) msgsize = mode == M_BULK ? 65536 : 64;
    if (mode == M_BULK && window < msgsize) window = msgsize;
    if (count > 0 && duration == 3.0) duration = 60.0; /* -n: -d is only a cap */

    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    wbuf = malloc(msgsize);
    for (size_t i = 0; i < msgsize; i++) wbuf[i] = (char)('a' + i % 26);
    conns = calloc((size_t)nconns, sizeof *conns);
    epfd = epoll_create1(0);
    if (epfd < 0) die("epoll_create1");
    for (int i = 0; i < nconns; i++) conns[i].fd = -1;

    if (mode == M_HOLD) run_hold();
    raise_nofile((rlim_t)nconns * 2 + 64);

    live = nconns;
    for (int i = 0; i < nconns; i++) {
        conn_t *c = &conns[i];
        if (mode == M_CHURN) { churn_start(c); continue; }
        c->fd = connect_blocking();
        c->state = S_ACTIVE;
        if (mode == M_BULK) {
            c->scap = (unsigned)(window / msgsize) + 2;
            c->stamps = calloc(c->scap, sizeof *c->stamps);
        }
        ep_add(c, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
    }
    for (int i = 0; i < nconns; i++) {
        if (mode == M_PINGPONG) start_msg(&conns[i]);
        else if (mode == M_BULK) bulk_pump(&conns[i]);
    }

    uint64_t t_begin = now_ns();
    uint64_t t_measure = t_begin + (uint64_t)(warmup * 1e9);
    uint64_t t_end = t_measure + (uint64_t)(duration * 1e9), t_stop = 0, t_start = 0;
    uint64_t t_drain_deadline = 0;
    double cpu0 = -1, cpu1 = -1, ccpu0 = 0, ccpu1 = 0;
    if (warmup <= 0) {
        phase = P_MEASURE;
        t_start = now_ns();
        if (server_pid) cpu0 = proc_cpu(server_pid);
        ccpu0 = self_cpu();
    }
    struct epoll_event evs[1024];
    for (;;) {
        int n = epoll_wait(epfd, evs, 1024, 20);
        if (n < 0 && errno != EINTR) die("epoll_wait");
        for (int i = 0; i < n; i++) {
            conn_t *c = evs[i].data.ptr;
            if (mode == M_CHURN && phase != P_DRAIN) churn_event(c, evs[i].events);
            else if (mode == M_CHURN) {
                if (c->state == S_DONE) continue;
                churn_event(c, evs[i].events);
                if (c->state == S_IDLE) { c->state = S_ACTIVE; conn_close(c); }
            } else stream_event(c, evs[i].events);
        }
        if (mode == M_CHURN && phase != P_DRAIN)
            for (int i = 0; i < nconns; i++)
                if (conns[i].state == S_IDLE) churn_start(&conns[i]);
        uint64_t t = now_ns();
        if (phase == P_WARMUP && t >= t_measure) {
            phase = P_MEASURE;
            t_start = t;
            if (server_pid) cpu0 = proc_cpu(server_pid);
            ccpu0 = self_cpu();
        }
        if (phase == P_MEASURE && (t >= t_end || (count > 0 && ops >= (double)count))) {
            if (server_pid) cpu1 = proc_cpu(server_pid);
            ccpu1 = self_cpu();
            t_stop = now_ns();
            phase = P_DRAIN;
            t_drain_deadline = t_stop + 3000000000ull;
            for (int i = 0; i < nconns; i++) {
                conn_t *c = &conns[i];
                if (mode == M_CHURN) {
                    if (c->state == S_IDLE) { c->state = S_ACTIVE; conn_close(c); }
                } else if (mode == M_PINGPONG) {
                    /* a request whose echo is pending drains when it arrives */
                    if (c->state == S_ACTIVE && c->woff >= msgsize && c->rgot == 0) continue;
                    begin_drain(c);
                } else {
                    if (c->woff == 0) begin_drain(c); /* else after the partial chunk */
                }
            }
        }
        if (phase == P_DRAIN) {
            if (mode == M_BULK)
                for (int i = 0; i < nconns; i++)
                    if (conns[i].state == S_ACTIVE && conns[i].woff == 0) begin_drain(&conns[i]);
            if (live <= 0 || t >= t_drain_deadline) break;
        }
    }
    int undrained = live > 0 ? live : 0;
    for (int i = 0; i < nconns; i++)
        if (conns[i].fd >= 0) close(conns[i].fd);

    double secs = (t_stop - t_start) / 1e9;
    if (mode == M_BULK) ops = (double)bytes_measured / (double)msgsize;
    double p50 = 0, p99 = 0;
    if (nlat) {
        qsort(lat, nlat, sizeof *lat, cmp_u32);
        p50 = lat[(size_t)(0.50 * (double)(nlat - 1))] / 1e3;
        p99 = lat[(size_t)(0.99 * (double)(nlat - 1))] / 1e3;
    }
    printf("{\"mode\": \"%s\", \"conns\": %d, \"msgsize\": %zu, \"ops\": %.1f, \"seconds\": %.4f, "
           "\"ops_per_s\": %.1f, \"bytes\": %llu, \"p50_us\": %.1f, \"p99_us\": %.1f, "
           "\"samples\": %zu, ",
           m, nconns, msgsize, ops, secs, secs > 0 ? ops / secs : 0.0,
           (unsigned long long)bytes_measured, p50, p99, nlat);
    if (server_pid && cpu0 >= 0 && cpu1 >= 0)
        printf("\"server_cpu_s\": %.3f, ", cpu1 - cpu0);
    else
        printf("\"server_cpu_s\": null, ");
    printf("\"client_cpu_s\": %.3f, \"errors\": %llu, \"undrained\": %d}\n", ccpu1 - ccpu0,
           (unsigned long long)errors, undrained);
    return 0;
}
