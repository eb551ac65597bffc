# The safeguarding assistant: one image for the web, clock and migrate processes (docs/deployment.md).
# Build:  podman build -t safeguarding-bot .   (or docker build)
# Where no registry can be reached, build on any local Python 3.11 image and install from a wheelhouse:
#   pip wheel -c constraints.txt -w wheelhouse '.[postgres]'
#   podman build --build-arg PYTHON_IMAGE=localhost/your-python:3.11 --build-arg PIP_NO_INDEX=1 -t safeguarding-bot .
ARG PYTHON_IMAGE=docker.io/library/python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
ARG PIP_NO_INDEX=
ENV PIP_NO_INDEX=${PIP_NO_INDEX} PIP_FIND_LINKS=/src/wheelhouse PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY . /src
RUN mkdir -p /src/wheelhouse \
 && python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-cache-dir -c constraints.txt '.[postgres]'

FROM ${PYTHON_IMAGE}
COPY --from=build /opt/venv /opt/venv
RUN useradd --system --uid 10001 --home-dir /app --create-home app
USER app
WORKDIR /app
ENV PATH=/opt/venv/bin:$PATH PORT=3000 LOG_FORMAT=json PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3000'), timeout=4)"]
STOPSIGNAL SIGINT
CMD ["safeguarding-bot", "serve", "--http"]
