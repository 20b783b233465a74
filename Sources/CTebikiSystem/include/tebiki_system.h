#ifndef TEBIKI_SYSTEM_H
#define TEBIKI_SYSTEM_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set; ENOSYS or EINVAL where the system or file system lacks it.
int tebiki_exchange_paths(const char *first, const char *second);

#endif
