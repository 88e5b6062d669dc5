"""gunicorn settings, read from the working directory (make serve, the Docker image).

The access log keeps no secret and no identifier: see core/gunicorn_logging.py.
"""

logger_class = "core.gunicorn_logging.PrivateAccessLogger"
# Shortened client address, time, request line without secrets, status, bytes, milliseconds.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms'
