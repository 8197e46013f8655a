/*
 * loader_paths.c — opening what lies beneath a loader directory, once and
 * without leaving it: openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) where
 * the kernel has it, else (and for paths through symbolic links) one
 * O_NOFOLLOW component at a time from the directory's descriptor, each link
 * read from the link itself and resolved the same way, never out.
 * Descriptors opened here are closed when their memory context goes (an
 * ERROR included), and counted with fd.c's external descriptors.
 */
#include "nvfacts.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

#include "storage/fd.h"

#define MAX_LINKS 40			/* symbolic links followed in one path (the kernel's limit) */
#define MAX_STACK 256			/* directories open at once while resolving a path */
#define READ_FLAGS (O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)	/* a FIFO cannot block the open */

/* ---- descriptors that an ERROR closes ------------------------------------ */

static void
fd_release(void *arg)
{
	nvf_fd	   *f = arg;

	if (f->dir)
		closedir(f->dir);
	else if (f->fd >= 0)
		close(f->fd);
	if (f->dir || f->fd >= 0)
		ReleaseExternalFD();
	f->dir = NULL;
	f->fd = -1;
}

/* fd (already counted by ReserveExternalFD) in an nvf_fd of the current context. */
static nvf_fd *
fd_track(int fd)
{
	nvf_fd	   *f = palloc0(sizeof(nvf_fd));

	f->fd = fd;
	f->cb.func = fd_release;
	f->cb.arg = f;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, &f->cb);
	return f;
}

void
nvf_fd_close(nvf_fd *f)
{
	fd_release(f);
}

/* The entries of an open directory; NULL (errno set) when it cannot be read. */
DIR *
nvf_fd_dir(nvf_fd *f)
{
	if (f->dir == NULL && (f->dir = fdopendir(f->fd)) != NULL)
		f->fd = -1;				/* the DIR owns it now */
	return f->dir;
}

static int
counted_openat(int dirfd, const char *name, int flags)
{
	int			fd;

	ReserveExternalFD();
	if ((fd = openat(dirfd, name, flags)) < 0)
	{
		int			e = errno;

		ReleaseExternalFD();
		errno = e;
	}
	return fd;
}

int
nvf_errno_sqlstate(int e)
{
	if (e == ENOENT || e == ENOTDIR)
		return ERRCODE_UNDEFINED_FILE;
	if (e == EACCES || e == EPERM)
		return ERRCODE_INSUFFICIENT_PRIVILEGE;
	return ERRCODE_IO_ERROR;
}

/* ---- the directory ---------------------------------------------------- */

/* The server's directory, open; an ERROR when it cannot be. */
void
nvf_root_open(const nvf_loader_opts *o, nvf_root *root)
{
	int			fd = counted_openat(AT_FDCWD, o->directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int			sqlstate = nvf_errno_sqlstate(errno);
	char	   *real;

	if (fd < 0)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("could not open directory \"%s\" of server \"%s\": %m", o->directory, o->server),
				 errhint("The directory must exist and be readable by the PostgreSQL server's OS user.")));
	root->fd = fd_track(fd);
	root->given = o->directory;
	real = realpath(o->directory, NULL);
	root->real = real ? pstrdup(real) : pstrdup(o->directory);
	free(real);
}

/* ---- resolving a relative path ---------------------------------------- */

/* Where a path resolution failed: errno, or a link out of the directory. */
typedef enum resolve_fail
{
	RESOLVED,
	FAIL_ERRNO,
	FAIL_OUTSIDE,
	FAIL_DIRLINK				/* a link on the way, to a directory: not followed */
} resolve_fail;

typedef struct resolver
{
	int			stack[MAX_STACK];	/* [0] the directory, then what path entered */
	int			depth;
	int			links;
	char		rest[MAXPGPATH];	/* what is left to resolve */
} resolver;

static void
pop(resolver *r)
{
	close(r->stack[r->depth--]);
	ReleaseExternalFD();
}

static void
pop_all(resolver *r)
{
	while (r->depth > 0)
		pop(r);
}

/* rest = head + "/" + rest; ENAMETOOLONG when that does not fit. */
static resolve_fail
prepend(resolver *r, const char *head)
{
	size_t		h = strlen(head),
				n = strlen(r->rest);

	if (h + 1 + n + 1 > sizeof(r->rest))
	{
		errno = ENAMETOOLONG;
		return FAIL_ERRNO;
	}
	memmove(r->rest + h + 1, r->rest, n + 1);
	memcpy(r->rest, head, h);
	r->rest[h] = '/';
	return RESOLVED;
}

/*
 * A symbolic link, read from the link itself (fd, O_PATH): its target goes
 * in front of what is left; an absolute target only into the directory.
 */
static resolve_fail
follow(resolver *r, const nvf_root *root, int linkfd)
{
	char		target[MAXPGPATH];
	ssize_t		n = readlinkat(linkfd, "", target, sizeof(target) - 1);
	size_t		k;

	close(linkfd);
	ReleaseExternalFD();
	if (n < 0 || ++r->links > MAX_LINKS)
	{
		errno = n < 0 ? errno : ELOOP;
		return FAIL_ERRNO;
	}
	target[n] = '\0';
	if (target[0] != '/')
		return prepend(r, target);
	/* /srv/news/2025/a.txt for directory /srv/news: resolved from the directory */
	for (int i = 0; i < 2; i++)
	{
		const char *base = i == 0 ? root->real : root->given;

		for (k = strlen(base); k > 1 && base[k - 1] == '/'; k--)
			;
		if (strncmp(target, base, k) == 0 && (target[k] == '/' || target[k] == '\0'))
		{
			pop_all(r);
			return prepend(r, target + k + (target[k] == '/'));
		}
	}
	return FAIL_OUTSIDE;
}

/* The next component of r->rest into c (removed from rest); false when none is left. */
static bool
next_component(resolver *r, char *c)
{
	char	   *s = r->rest,
			   *slash;

	while (*s == '/')
		s++;
	if (*s == '\0')
		return false;
	slash = strchr(s, '/');
	if (slash)
	{
		memcpy(c, s, slash - s);
		c[slash - s] = '\0';
		memmove(r->rest, slash + 1, strlen(slash + 1) + 1);
	}
	else
	{
		strcpy(c, s);
		r->rest[0] = '\0';
	}
	return true;
}

static bool
rest_empty(const resolver *r)
{
	return r->rest[strspn(r->rest, "/")] == '\0';
}

/* fd (O_PATH) is neither a link nor a directory to enter: closed, and errno e. */
static resolve_fail
drop(int fd, int e)
{
	close(fd);
	ReleaseExternalFD();
	errno = e;
	return FAIL_ERRNO;
}

/*
 * One component at a time, nothing followed implicitly: a directory is
 * entered (O_PATH), the file's link read from itself and resolved (a link
 * to a directory on the way is not followed, as a scan follows none), ".."
 * leaves only what the path entered.  The file is opened with READ_FLAGS.
 */
static resolve_fail
resolve_slowly(resolver *r, const nvf_root *root, int *result)
{
	char		c[MAXPGPATH];

	while (next_component(r, c))
	{
		int			fd;
		bool		last = rest_empty(r);
		struct stat st;

		if (strcmp(c, ".") == 0)
			continue;
		if (strcmp(c, "..") == 0)
		{
			if (r->depth == 0)
				return FAIL_OUTSIDE;
			pop(r);
			continue;
		}
		/* the file itself, unless it is a link (ELOOP) */
		if (last && (*result = counted_openat(r->stack[r->depth], c, READ_FLAGS | O_NOFOLLOW)) >= 0)
			return RESOLVED;
		if ((last && errno != ELOOP) ||
			(fd = counted_openat(r->stack[r->depth], c, O_PATH | O_NOFOLLOW | O_CLOEXEC)) < 0)
			return FAIL_ERRNO;
		if (fstat(fd, &st) != 0)
			return drop(fd, errno);
		if (S_ISLNK(st.st_mode) && !last)
		{
			(void) drop(fd, 0);
			return FAIL_DIRLINK;
		}
		if (S_ISLNK(st.st_mode))
		{
			resolve_fail f = follow(r, root, fd);

			if (f != RESOLVED)
				return f;
		}
		else if (last)
		{
			/* it stopped being a link between the two opens: look again */
			if (++r->links > MAX_LINKS)
				return drop(fd, ELOOP);
			close(fd);
			ReleaseExternalFD();
			if (prepend(r, c) != RESOLVED)
				return FAIL_ERRNO;
		}
		else if (!S_ISDIR(st.st_mode))
			return drop(fd, ENOTDIR);
		else if (r->depth + 1 == MAX_STACK)
			return drop(fd, ENAMETOOLONG);
		else
			r->stack[++r->depth] = fd;
	}
	errno = ENOENT;				/* the path (or a link) ended in nothing */
	return FAIL_ERRNO;
}

/* openat2 beneath the directory, no link allowed: -1 (errno) when that fails. */
static int
open_fast(const nvf_root *root, const char *path)
{
#ifdef SYS_openat2
	static bool unavailable = false;
	struct open_how how = {0};
	int			fd;

	if (unavailable)
		return -1;
	how.flags = READ_FLAGS;
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
	ReserveExternalFD();
	fd = (int) syscall(SYS_openat2, root->fd->fd, path, &how, sizeof(how));
	if (fd < 0)
	{
		unavailable = (errno == ENOSYS);
		ReleaseExternalFD();
	}
	return fd;
#else
	return -1;
#endif
}

/*
 * root/path (relative) opened for reading, beneath root: its descriptor, or
 * NULL with why and the SQLSTATE.  A symbolic link is followed only when it
 * leads to a place beneath root; a FIFO opens without blocking (the caller
 * refuses what is not a regular file after fstat).
 */
nvf_fd *
nvf_open_beneath(const nvf_root *root, const char *path, const char **why, int *sqlstate)
{
	resolver   *r;
	int			fd = open_fast(root, path);
	resolve_fail f;

	if (fd >= 0)
		return fd_track(fd);
	/* any failure (a link, no openat2) is decided the slow way */
	r = palloc(sizeof(resolver));
	r->stack[0] = root->fd->fd;
	r->depth = r->links = 0;
	r->rest[0] = '\0';
	if ((f = prepend(r, path)) == RESOLVED)
		f = resolve_slowly(r, root, &fd);
	if (f == FAIL_ERRNO)
	{
		*sqlstate = nvf_errno_sqlstate(errno);
		*why = psprintf("%m");
	}
	pop_all(r);
	pfree(r);
	if (f == FAIL_OUTSIDE)
	{
		*sqlstate = ERRCODE_INSUFFICIENT_PRIVILEGE;
		*why = "it is a symbolic link that leads outside the directory";
	}
	else if (f == FAIL_DIRLINK)
	{
		*sqlstate = ERRCODE_INVALID_PARAMETER_VALUE;
		*why = "a directory on its path is a symbolic link (links to directories are not followed)";
	}
	return f == RESOLVED ? fd_track(fd) : NULL;
}

/* A subdirectory dir/name (no link followed) for reading its entries; NULL and errno when not. */
nvf_fd *
nvf_open_subdir(nvf_fd *dir, const char *name)
{
	int			fd = counted_openat(dirfd(dir->dir), name,
									O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	return fd >= 0 ? fd_track(fd) : NULL;
}

/* The directory itself for reading its entries. */
nvf_fd *
nvf_open_rootdir(const nvf_root *root)
{
	int			fd = counted_openat(root->fd->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	return fd >= 0 ? fd_track(fd) : NULL;
}
