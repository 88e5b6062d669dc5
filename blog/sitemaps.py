from django.contrib.sitemaps import Sitemap

from .models import Post


class PostSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Post.objects.published().newest_first()

    def lastmod(self, post):
        return post.updated_at
