"""Renders the Kustomize subset that deploy/kubernetes uses, without the kustomize binary.

`kubectl apply -k deploy/kubernetes/overlays/rahti` is how an operator applies them; this
module renders the same documents offline so that CI can validate them against the
Kubernetes API schemas (kubernetes-validate). Supported: `resources` (files and
directories with a kustomization.yaml), `namespace`, `images` (newName, newTag) and
`patches` given by `path` (strategic merge: maps merge, lists of named items merge by
name, other lists are replaced). Anything else raises, so the subset cannot drift silently.

    python tools/kustomize_render.py deploy/kubernetes/overlays/rahti
"""

import sys
from copy import deepcopy
from pathlib import Path

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "images", "patches"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume"}


def _merge(base, patch):
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            merged[key] = _merge(base[key], value) if key in base else deepcopy(value)
        return merged
    if (
        isinstance(base, list)
        and isinstance(patch, list)
        and all(isinstance(item, dict) and "name" in item for item in base + patch)
    ):
        merged = [deepcopy(item) for item in base]
        for item in patch:
            same = next((i for i, old in enumerate(merged) if old["name"] == item["name"]), None)
            if same is None:
                merged.append(deepcopy(item))
            else:
                merged[same] = _merge(merged[same], item)
        return merged
    return deepcopy(patch)


def _identity(doc: dict) -> tuple[str, str]:
    return doc["kind"], doc["metadata"]["name"]


def _containers(doc: dict) -> list[dict]:
    spec = doc.get("spec", {})
    pod = spec.get("template", {}).get("spec", {}) if "template" in spec else {}
    return pod.get("initContainers", []) + pod.get("containers", [])


def render(directory: Path) -> list[dict]:
    kustomization = yaml.safe_load((directory / "kustomization.yaml").read_text())
    unknown = set(kustomization) - SUPPORTED
    if unknown:
        raise ValueError(f"{directory}: unsupported kustomization fields {sorted(unknown)}")
    docs: list[dict] = []
    for resource in kustomization.get("resources", []):
        path = directory / resource
        if path.is_dir():
            docs += render(path)
        else:
            docs += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    for patch in kustomization.get("patches", []):
        for patch_doc in yaml.safe_load_all((directory / patch["path"]).read_text()):
            matches = [i for i, doc in enumerate(docs) if _identity(doc) == _identity(patch_doc)]
            if len(matches) != 1:
                raise ValueError(f"patch {patch['path']} matches {len(matches)} resources")
            docs[matches[0]] = _merge(docs[matches[0]], patch_doc)
    for image in kustomization.get("images", []):
        for doc in docs:
            for container in _containers(doc):
                name, _, tag = container["image"].partition(":")
                if name == image["name"]:
                    new_name = image.get("newName", name)
                    container["image"] = f"{new_name}:{image.get('newTag', tag or 'latest')}"
    if "namespace" in kustomization:
        for doc in docs:
            if doc["kind"] not in CLUSTER_SCOPED:
                doc["metadata"]["namespace"] = kustomization["namespace"]
    return docs


if __name__ == "__main__":
    print(yaml.safe_dump_all(render(Path(sys.argv[1])), sort_keys=False))
