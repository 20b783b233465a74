// Nothing to declare: the module exists for its `link "jemalloc"`, which makes jemalloc the
// process's malloc once the executable imports it (see Package.swift).
