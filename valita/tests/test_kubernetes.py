"""The Kubernetes manifests, rendered offline and validated against the Kubernetes API
schemas that kubernetes-validate ships, then checked against the rules of a cluster such
as CSC Rahti (OpenShift): any non-root user id, no privileged port, one beat at a time."""

import sys
from pathlib import Path

import kubernetes_validate
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from kustomize_render import render  # noqa: E402

OVERLAYS = sorted((ROOT / "deploy/kubernetes/overlays").iterdir())
KUBERNETES_VERSION = "1.30"  # Rahti 4 runs OpenShift 4.17 (Kubernetes 1.30)
OPENSHIFT_KINDS = {"Route"}  # not in the Kubernetes schemas: checked by hand below


def _docs(overlay: Path) -> dict[tuple[str, str], dict]:
    return {(d["kind"], d["metadata"]["name"]): d for d in render(overlay)}


def _pod(doc: dict) -> dict:
    return doc["spec"]["template"]["spec"]


@pytest.fixture(params=OVERLAYS, ids=lambda p: p.name)
def docs(request):
    return _docs(request.param)


def test_every_overlay_is_valid_against_the_kubernetes_api_schemas(docs):
    for (kind, name), doc in docs.items():
        if kind in OPENSHIFT_KINDS:
            continue
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            pytest.fail(f"{kind}/{name}: {error.message} at {list(error.path)}")


def test_the_validation_bites():
    doc = _docs(OVERLAYS[0])[("Deployment", "valita-web")]
    doc["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["port"] = []
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_processes_run_as_any_non_root_user_without_privileges(docs):
    for (kind, name), doc in docs.items():
        if kind not in ("Deployment", "Job"):
            continue
        pod = _pod(doc)
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert "runAsUser" not in pod["securityContext"], name  # OpenShift assigns one
        for container in pod.get("initContainers", []) + pod["containers"]:
            security = container["securityContext"]
            assert security["allowPrivilegeEscalation"] is False, name
            assert security["capabilities"]["drop"] == ["ALL"], name
            assert all(p["containerPort"] >= 1024 for p in container.get("ports", [])), name
            assert container["envFrom"] == [
                {"configMapRef": {"name": "valita"}},
                {"secretRef": {"name": "valita"}},
            ], name


def test_web_has_probes_autoscaling_and_a_disruption_budget(docs):
    web = docs[("Deployment", "valita-web")]
    container = _pod(web)["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz/ready"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz/live"
    assert web["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    # One pod's gunicorn workers report their metrics together.
    multiproc = {e["name"]: e["value"] for e in container["env"]}["PROMETHEUS_MULTIPROC_DIR"]
    assert multiproc in {m["mountPath"] for m in container["volumeMounts"]}
    hpa = docs[("HorizontalPodAutoscaler", "valita-web")]
    assert hpa["spec"]["scaleTargetRef"]["name"] == "valita-web"
    assert hpa["spec"]["minReplicas"] >= 2
    pdb = docs[("PodDisruptionBudget", "valita-web")]
    assert pdb["spec"]["selector"]["matchLabels"] == web["spec"]["selector"]["matchLabels"]
    assert (
        docs[("HorizontalPodAutoscaler", "valita-worker")]["spec"]["scaleTargetRef"]["name"]
        == "valita-worker"
    )


def test_beat_is_a_single_replica_that_never_runs_twice(docs):
    beat = docs[("Deployment", "valita-beat")]
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    assert not any(
        d["spec"]["scaleTargetRef"]["name"] == "valita-beat"
        for (kind, _), d in docs.items()
        if kind == "HorizontalPodAutoscaler"
    )
    probe = _pod(beat)["containers"][0]["livenessProbe"]["exec"]["command"]
    assert probe[:3] == ["python", "manage.py", "beat_health"]


def test_migrations_run_in_a_job_and_new_pods_wait_for_them(docs):
    job = docs[("Job", "valita-migrate")]
    assert _pod(job)["containers"][0]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    for name in ("valita-web", "valita-worker", "valita-beat"):
        init = _pod(docs[("Deployment", name)])["initContainers"][0]
        assert "manage.py migrate --check" in init["command"][-1], name


def test_images_secrets_and_external_services(docs):
    images = {
        c["image"]
        for (kind, _), d in docs.items()
        if kind in ("Deployment", "Job")
        for c in _pod(d).get("initContainers", []) + _pod(d)["containers"]
    }
    assert len(images) == 1 and not images.pop().endswith(":latest")
    assert not any(kind == "Secret" for kind, _ in docs)  # created by the operator
    config = docs[("ConfigMap", "valita")]["data"]
    assert "DATABASE_URL" not in config and "REDIS_URL" not in config  # in the Secret
    assert config["TRUSTED_PROXY_COUNT"] == "1"
    assert config["AWS_STORAGE_BUCKET_NAME"]  # media shared by every pod
    assert {d["metadata"].get("namespace") for d in docs.values()} == {"valita"}


def test_rahti_exposes_web_through_an_edge_tls_route():
    route = _docs(ROOT / "deploy/kubernetes/overlays/rahti")[("Route", "valita")]
    assert route["apiVersion"] == "route.openshift.io/v1"
    assert route["spec"]["to"] == {"kind": "Service", "name": "valita-web", "weight": 100}
    assert route["spec"]["tls"]["termination"] == "edge"
    assert route["spec"]["tls"]["insecureEdgeTerminationPolicy"] == "Redirect"
