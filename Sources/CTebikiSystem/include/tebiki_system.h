#ifndef TEBIKI_SYSTEM_H
#define TEBIKI_SYSTEM_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set; ENOSYS or EINVAL where the system or file system lacks it.
int tebiki_exchange_paths(const char *first, const char *second);

/// Gives memory freed by the program back to the system (jemalloc's purge, else glibc's
/// malloc_trim), so what a build stage no longer needs stops counting towards the peak;
/// nothing where malloc cannot.
void tebiki_return_free_memory(void);

#endif
