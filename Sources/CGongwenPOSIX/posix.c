#define _GNU_SOURCE
#include "CGongwenPOSIX.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int rename2(const char *from, const char *to, unsigned int flags) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int gongwen_rename_exchange(const char *from, const char *to) { return rename2(from, to, RENAME_EXCHANGE); }
int gongwen_rename_noreplace(const char *from, const char *to) { return rename2(from, to, RENAME_NOREPLACE); }
int gongwen_syncfs(int fd) { return syncfs(fd); }

#else
int gongwen_rename_exchange(const char *from, const char *to) {
    (void)from;
    (void)to;
    errno = ENOSYS;
    return -1;
}
int gongwen_rename_noreplace(const char *from, const char *to) {
    (void)from;
    (void)to;
    errno = ENOSYS;
    return -1;
}
int gongwen_syncfs(int fd) {
    (void)fd;
    sync();
    return 0;
}
#endif

#if defined(__GLIBC__)
#include <malloc.h>
void gongwen_return_freed_memory(void) { malloc_trim(0); }
#else
void gongwen_return_freed_memory(void) {}
#endif
