#define _GNU_SOURCE
#include "CGongwenPOSIX.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

// Everything between fork and exec (or _exit) below is async-signal-safe: gongwen is multithreaded, and a
// forked child of a multithreaded process may call nothing else.

static volatile sig_atomic_t stop_requested = 0;

static void request_stop(int signal_number) {
    (void)signal_number;
    stop_requested = 1;
}

static void close_from(int first) {
#if defined(__linux__) && defined(SYS_close_range)
    if (syscall(SYS_close_range, (unsigned int)first, ~0U, 0) == 0) return;
#endif
    long last = sysconf(_SC_OPEN_MAX);
    if (last < 0 || last > 65536) last = 65536;
    for (int descriptor = first; descriptor < last; descriptor++) close(descriptor);
}

static void default_signals(void) {
    struct sigaction action = {0};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    int signals[] = {SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

pid_t gongwen_spawn_guarded(const char *path, char *const argv[], char *const envp[], int out_fd, int err_fd) {
    pid_t parent = getpid();
    pid_t watchdog = fork();
    if (watchdog != 0) return watchdog;

    // The watchdog.
    default_signals();
    struct sigaction stop = {0};
    stop.sa_handler = request_stop;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTERM, &stop, NULL);
    sigaction(SIGINT, &stop, NULL);
    sigaction(SIGHUP, &stop, NULL);
    if (getppid() != parent) _exit(125);

    pid_t program = fork();
    if (program < 0) _exit(126);
    if (program == 0) {
        setpgid(0, 0);
        default_signals();
        int nothing = open("/dev/null", O_RDONLY);
        if (nothing < 0 || dup2(nothing, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) _exit(127);
        close_from(3);
        execve(path, argv, envp);
        _exit(127);
    }
    setpgid(program, program);  // as the program does: whichever runs first, the group exists
    close_from(3);              // the output pipes stay open only in the program and its descendants

    int status = 0;
    for (;;) {
        // gongwen gone (killed, however): the program and everything it started go too.
        if (stop_requested || getppid() != parent) {
            kill(-program, SIGKILL);
            waitpid(program, &status, 0);
            _exit(137);
        }
        pid_t ended = waitpid(program, &status, WNOHANG);
        if (ended == program) break;
        if (ended < 0 && errno != EINTR) break;
        struct timespec pause = {0, 50 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    // Whatever the program left running in its group (LibreOffice's soffice.bin behind oosplash) ends with it.
    kill(-program, SIGKILL);
    if (WIFEXITED(status)) _exit(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) _exit(128 + WTERMSIG(status));
    _exit(125);
}
