# Exports dslabs' `movielens` (MovieLens latest-small, Harper & Konstan 2015) in the MovieLens layout.
# Usage: Rscript export-movielens.R DSLABS_DATA_DIR OUT_DIR; writes OUT_DIR/ratings.csv.part and movies.csv.part.
# lazyLoad reads only the one object from the package's data/Rdata database, so no package (and no ggplot2
# chain) needs installing.
args <- commandArgs(TRUE)
e <- new.env()
invisible(lazyLoad(file.path(args[1], "Rdata"), envir = e, filter = function(n) n == "movielens"))
m <- e$movielens
if (is.null(m)) stop("no data set 'movielens' in ", args[1])
quote_csv <- function(x) {
  x <- enc2utf8(ifelse(is.na(x), "", as.character(x)))
  need <- grepl("[\",\r\n]", x, useBytes = TRUE)
  x[need] <- paste0("\"", gsub("\"", "\"\"", x[need], fixed = TRUE), "\"")
  x
}
write_utf8 <- function(lines, path) {
  con <- file(path, open = "wb")
  on.exit(close(con))
  writeLines(enc2utf8(lines), con, useBytes = TRUE)
}
r <- m[order(m$userId, m$movieId), ]
write_utf8(c("userId,movieId,rating,timestamp",
             sprintf("%d,%d,%.1f,%.0f", r$userId, r$movieId, r$rating, as.numeric(r$timestamp))),
           file.path(args[2], "ratings.csv.part"))
mv <- m[!duplicated(m$movieId), c("movieId", "title", "year", "genres")]
mv <- mv[order(mv$movieId), ]
# dslabs splits MovieLens' "Title (year)"; put the year back as MovieLens writes it.
title <- ifelse(is.na(mv$title), "", ifelse(is.na(mv$year), mv$title, paste0(mv$title, " (", mv$year, ")")))
write_utf8(c("movieId,title,genres",
             paste(mv$movieId, quote_csv(title), quote_csv(mv$genres), sep = ",")),
           file.path(args[2], "movies.csv.part"))
