"""Corrections: `/api/conversations/{id}/corrections` (list, mark) and
`/api/conversations/{id}/corrections/{correction_id}` (take back).

Coaches and leads mark a finding `wrong` or words `missed`; agents get 403. The viewer comes from
`X-Heard-Role` (or `?role=`, or the pages' `heard_role` cookie): a placeholder for real
authentication, see heard.privacy.roles. The corrections are training data for the next model
(`heard export-labels`).
"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from heard.coach import corrections as service
from heard.coach.corrections import CorrectionCreate, CorrectionPublic, CorrectionsPublic
from heard.library.case_files import conversation_access
from heard.privacy.roles import NotAllowed
from heard.web.api.case_files import ViewerDep
from heard.web.deps import SessionDep

router = APIRouter(prefix="/api", tags=["corrections"])

ERRORS = {
    403: {"description": "Only coaches and leads may correct findings."},
    404: {"description": "No conversation (or correction) with this id."},
    422: {"description": "The correction does not fit the conversation; the error starts with the field at fault."},
}


@router.get("/conversations/{conversation_id}/corrections", response_model=CorrectionsPublic,
            summary="List a conversation's corrections",
            responses={403: {"description": "This viewer sees the conversation redacted."}, 404: ERRORS[404]})
def read_corrections(conversation_id: int, session: SessionDep, viewer: ViewerDep) -> CorrectionsPublic:
    """Every finding marked wrong and every span marked missed on this conversation, oldest first.
    They quote the real words, so they follow the conversation's rule (docs/library.md, Roles): an
    agent reads them on their team's conversations; another team's is 404, or 403 where the agent
    may only read it redacted through a shared case file."""
    if conversation_access(session=session, conversation_id=conversation_id, viewer=viewer):
        raise NotAllowed(f"Corrections quote the real words of conversation {conversation_id}, which you see redacted: "
                         "read it through its shared case file in the library.")
    return service.list_corrections(session=session, conversation_id=conversation_id)


@router.post("/conversations/{conversation_id}/corrections", response_model=CorrectionPublic,
             status_code=status.HTTP_201_CREATED, summary="Mark a finding wrong, or words missed",
             responses={200: {"description": "This span and kind was already corrected: the correction was updated.",
                              "model": CorrectionPublic}, **ERRORS})
def create_correction(conversation_id: int, correction_in: CorrectionCreate, session: SessionDep, viewer: ViewerDep,
                      response: Response) -> CorrectionPublic:
    """`wrong`: give the finding's index (`finding`) or its `message_id`, `kind`, `start`, `end`.
    `missed`: give `message_id`, a TAXONOMY.md `kind`, and `start`/`end` or the exact `words`.
    Answers 201 for a new correction, 200 when the same span and kind was corrected before."""
    conversation_access(session=session, conversation_id=conversation_id, viewer=viewer)  # 404 before 403
    row, created = service.correct(session=session, conversation_id=conversation_id, correction_in=correction_in,
                                   viewer=viewer)
    session.commit()
    if not created:
        response.status_code = status.HTTP_200_OK
    return service.public(row)


@router.delete("/conversations/{conversation_id}/corrections/{correction_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Take a correction back", responses={403: ERRORS[403], 404: ERRORS[404]})
def delete_correction(conversation_id: int, correction_id: int, session: SessionDep, viewer: ViewerDep) -> Response:
    conversation_access(session=session, conversation_id=conversation_id, viewer=viewer)  # 404 before 403
    service.remove_correction(session=session, conversation_id=conversation_id, correction_id=correction_id,
                              viewer=viewer)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
