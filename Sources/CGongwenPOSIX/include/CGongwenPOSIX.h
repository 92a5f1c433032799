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

#endif
