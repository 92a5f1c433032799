// Linux file-system calls that Swift's Glibc module does not expose (they need _GNU_SOURCE), for the
// output folder's atomic swap and its flush to disk. Each returns 0 or -1 with errno set, as the call does.
#ifndef CGONGWEN_POSIX_H
#define CGONGWEN_POSIX_H

/// Exchanges two paths atomically (renameat2 RENAME_EXCHANGE): both must exist. Fails with EINVAL or
/// ENOSYS where the kernel or file system cannot, so the caller can fall back.
int gongwen_rename_exchange(const char *from, const char *to);

/// Renames only when the target does not exist (renameat2 RENAME_NOREPLACE); EEXIST otherwise.
int gongwen_rename_noreplace(const char *from, const char *to);

/// Flushes every file of the file system holding `fd` (syncfs(2)); one call instead of an fsync per file.
int gongwen_syncfs(int fd);

/// Gives memory freed inside malloc's arenas back to the system (glibc's malloc_trim(0)); does nothing
/// elsewhere. A build calls it between its steps.
void gongwen_return_freed_memory(void);

#include <sys/types.h>

/// Runs the program at `path` (argv, envp as for execve; standard input /dev/null, output and errors to
/// `out_fd` and `err_fd`) in a process group of its own, under a watchdog process that waits for it. When the
/// program ends, the watchdog kills what it left in its group; when gongwen ends — however, kill -9 included —
/// or the watchdog is sent SIGTERM, it kills the whole group at once. Returns the watchdog's pid (-1 and
/// errno if it could not start); the watchdog exits with the program's status (its exit code, or 128 + the
/// signal that ended it; 137 when stopped; 127 when it could not be run).
pid_t gongwen_spawn_guarded(const char *path, char *const argv[], char *const envp[], int out_fd, int err_fd);

#endif
